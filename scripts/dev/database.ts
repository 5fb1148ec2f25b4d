import path from "node:path";
import { ensureDatabase } from "../db/create-database";
import { startEmbeddedPostgres, type RunningPostgres } from "../db/embedded";

export const DATA_DIR = path.resolve(import.meta.dirname, "../../.data");
const DEV_DATABASE = "markid_backoffice";

/** DATABASE_URL when set; otherwise the embedded PostgreSQL kept under .data/pg, reused between runs. */
export type DatabaseTarget = { database: string; dir: string; port: number };

const DEV_TARGET: DatabaseTarget = {
  database: DEV_DATABASE,
  dir: path.join(DATA_DIR, "pg"),
  port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
};

/** DATABASE_URL when set (its database, or `target.database` when `rename`); else an embedded PostgreSQL. */
export async function devDatabase(
  target: DatabaseTarget = DEV_TARGET,
  rename = false,
): Promise<{ url: string; embedded: RunningPostgres | null }> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    if (rename) url.pathname = `/${target.database}`;
    await ensureDatabase(url.toString());
    return { url: url.toString(), embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ dir: target.dir, port: target.port, persistent: true });
  const url = embedded.url(target.database);
  await ensureDatabase(url);
  return { url, embedded };
}

export async function withDevDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const { url, embedded } = await devDatabase();
  try {
    await fn(url);
  } finally {
    await embedded?.stop();
  }
}
