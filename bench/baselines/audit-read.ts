// The audit verify benchmark's baseline: reads the same rows as `npm run audit:verify`, with pg, in the same
// keyset pages (same select list, same page size, the next page asked for while hashing the current one),
// and chains sha256 (the same one-shot digest) over each row's text as received (columns joined): no JSON parse, no canonical JSON, no
// date formatting, no checks. Prints the row count, its own time (startup aside) and the last digest.
import crypto from "node:crypto";
import pg from "pg";
import { AUDIT_PAGE_SIZE as PAGE_SIZE, STORED_COLUMNS } from "../../lib/audit/chain-pages";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const read = (after: string) =>
  pool
    .query<Record<string, string | null>>(
      `SELECT ${STORED_COLUMNS} FROM audit_events WHERE id > $1 ORDER BY audit_events.id LIMIT $2`,
      [after, PAGE_SIZE],
    )
    .then((r) => r.rows);

const started = performance.now();
let digest = "0".repeat(64);
let rows = 0;
let next: Promise<Record<string, string | null>[]> | null = read("0");
while (next) {
  const page: Record<string, string | null>[] = await next;
  const last = page.at(-1);
  next = last && page.length === PAGE_SIZE ? read(last.id!) : null;
  for (const row of page) {
    digest = crypto.hash("sha256", digest + Object.values(row).join("\t"), "hex");
  }
  rows += page.length;
}
await pool.end();
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`read ${rows} rows in ${seconds} s, last digest ${digest}`);
