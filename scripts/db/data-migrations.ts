// Data migrations that need the app's keys, which the database never holds, so SQL cannot do them. They run
// right after the SQL migrations (npm start, npm run workers, npm run db:migrate, the dev stack), each once:
// under a lock, recorded in data_migrations. Each is idempotent, so one that was cut short just runs again.
import pg from "pg";
import { isSealed } from "../../lib/auth/keys";
import { sealAuthToken, sealLinkTarget, sealWebhookBody } from "../../lib/auth/markid-secrets";

type Column = {
  table: string;
  column: string;
  /** The column the sealed value is bound to. */
  context: string;
  seal: (context: string, plaintext: string, secret: string) => string;
};

const BATCH = 500;
const LOCK = 727_003;

/** Seals every value of the column still in clear, in batches by id; returns how many it sealed. */
async function sealColumn(client: pg.Client, c: Column, secret: string): Promise<number> {
  let sealed = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const { rows } = await client.query<{ id: string; context: string; value: string | null }>(
      `SELECT id, "${c.context}" AS context, "${c.column}" AS value FROM ${c.table}
       WHERE id > $1::uuid ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return sealed;
    after = rows.at(-1)!.id;
    const clear = rows.filter((r) => r.value !== null && !isSealed(r.value));
    if (clear.length === 0) continue;
    // Only a value still as read is replaced: a row the app wrote meanwhile is already sealed.
    const { rowCount } = await client.query(
      `UPDATE ${c.table} AS t SET "${c.column}" = v.sealed
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, sealed, clear)
       WHERE t.id = v.id AND t."${c.column}" = v.clear`,
      [
        clear.map((r) => r.id),
        clear.map((r) => c.seal(r.context, r.value!, secret)),
        clear.map((r) => r.value),
      ],
    );
    sealed += rowCount ?? 0;
  }
}

const MIGRATIONS: ReadonlyArray<{ name: string; columns: Column[] }> = [
  {
    // Before 20261201223357_seal_markid_secrets these columns held MarkID's auth token in clear.
    name: "seal-markid-secrets",
    columns: [
      { table: "verifications", column: "authTokenSealed", context: "scanRef", seal: sealAuthToken },
      { table: "link_deliveries", column: "targetUrlSealed", context: "slug", seal: sealLinkTarget },
      { table: "webhook_events", column: "bodySealed", context: "bodySha256", seal: sealWebhookBody },
    ],
  },
];

/** Runs the data migrations not yet recorded; returns the names run. `secret` is the app's NEXTAUTH_SECRET. */
export async function applyDataMigrations(connectionString: string, secret: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const ran: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK]);
    for (const migration of MIGRATIONS) {
      const done = await client.query("SELECT 1 FROM data_migrations WHERE name = $1", [migration.name]);
      if (done.rowCount) continue;
      for (const column of migration.columns) await sealColumn(client, column, secret);
      await client.query("INSERT INTO data_migrations (name) VALUES ($1)", [migration.name]);
      ran.push(migration.name);
    }
  } finally {
    await client.end();
  }
  return ran;
}
