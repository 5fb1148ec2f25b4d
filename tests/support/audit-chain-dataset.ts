import pg from "pg";
import { GENESIS_HASH, hashAuditRow } from "@/lib/audit/hash";

// `count` audit events about the generated verifications, forming a valid hash chain that `npm run
// audit:verify` accepts. PostgreSQL makes the rows, Node hashes them with the app's own hashAuditRow, and
// PostgreSQL makes the same rows again to insert them with their hashes: per batch, only the row numbers'
// hashes travel back. Hashing is sequential (each row covers the one before), so it is done in Node, in
// batches, in constant memory; the next batch is read and hashed while the previous one is inserted.

const BATCH = 20_000;
const TARGETS = "bench_audit_targets";
const ACTIONS = `ARRAY['verification.created','call.started','webhook.video_call_finished','recording.archived',
  'recording.viewed','decision.recorded','note.added']`;

// Row i (from $1 to $2) of `count` ($4) rows, the last at $3, over $5 targets: the same values however often
// it is computed.
// The n-th target is the n-th of up to 1M verifications, as the table returned them once.
const ROWS = `SELECT i, $3::timestamp - ($4::bigint - i) * interval '6 seconds' AS at,
    'bench-' || (i % 20) || '@test' AS email, (${ACTIONS})[1 + i % 7] AS action, 'verification' AS type,
    t.id::text AS target, jsonb_build_object('i', i) AS details
  FROM generate_series($1::bigint, $2::bigint) i
  LEFT JOIN ${TARGETS} t ON t.n = 1 + i % $5::bigint`;

type Row = { i: string; at: string; email: string; action: string; target: string | null; details: object };

/** Hashes one batch onto `previous`: the batch's hashes in row order. */
function hashBatch(rows: Row[], previous: string): string[] {
  const hashes: string[] = [];
  for (const row of rows) {
    previous = hashAuditRow(previous, {
      // Read back as the app reads a timestamp(3) column: its digits, taken as UTC.
      occurredAt: new Date(`${row.at}Z`),
      actorId: null,
      actorEmail: row.email,
      action: row.action,
      targetType: "verification",
      targetId: row.target,
      requestId: null,
      ip: null,
      userAgent: null,
      details: row.details,
    });
    hashes.push(previous);
  }
  return hashes;
}

/** Appends the rows after whatever the table holds, chained to its newest row, with ids following it. */
export async function insertAuditEvents(client: pg.Client, count: number): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${TARGETS}`);
  await client.query(
    `CREATE UNLOGGED TABLE ${TARGETS} AS
     SELECT row_number() OVER () AS n, id FROM (SELECT id FROM verifications LIMIT 1000000) v`,
  );
  await client.query(`ALTER TABLE ${TARGETS} ADD PRIMARY KEY (n)`);
  const { rows: counted } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${TARGETS}`);
  const targets = Math.max(1, Number(counted[0]!.n));
  const { rows: last } = await client.query<{ id: string | null; hash: string | null }>(
    "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1",
  );
  const offset = last[0]?.id ?? "0";
  let previous = last[0]?.hash ?? GENESIS_HASH;
  const end = new Date().toISOString().replace("T", " ").replace("Z", "");
  // The reader has its own connection so that reading and hashing the next batch overlaps the insert.
  const { user, host, port, database, password } = client;
  const reader = new pg.Client({ user, host, port, database, password });
  await reader.connect();
  try {
    let inserting: Promise<unknown> = Promise.resolve();
    for (let from = 1; from <= count; from += BATCH) {
      const to = Math.min(count, from + BATCH - 1);
      const { rows } = await reader.query<Row>(
        `SELECT i, to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at, email, action, target, details
         FROM (${ROWS}) r ORDER BY i`,
        [from, to, end, count, targets],
      );
      const first = previous;
      const hashes = hashBatch(rows, previous);
      previous = hashes.at(-1)!;
      await inserting;
      inserting = client.query(
        `INSERT INTO audit_events (id, "occurredAt", "actorEmail", action, "targetType", "targetId", details,
           "prevHash", hash)
         SELECT $6::bigint + i, at, email, action, type, target, details, h.prev, h.hash
         FROM (${ROWS}) r
         JOIN unnest($7::text[], $8::text[]) WITH ORDINALITY h(prev, hash, k) ON k = i - $1 + 1`,
        [from, to, end, count, targets, offset, [first, ...hashes.slice(0, -1)], hashes],
      );
    }
    await inserting;
  } finally {
    await reader.end();
  }
  await client.query(
    `SELECT setval(pg_get_serial_sequence('audit_events', 'id'), max(id)) FROM audit_events`,
  );
  await client.query(`DROP TABLE ${TARGETS}`);
}
