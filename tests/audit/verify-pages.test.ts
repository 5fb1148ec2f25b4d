// The chain check reads the log in bounded pages, so that its memory does not grow with the log (5M rows
// and more in production: bench/README.md measures it). It must fail if the walk loads the table at once.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditSql } from "@/lib/audit/chain-pages";
import { insertAuditEvents } from "../support/audit-chain-dataset";

const ROWS = 2_500;
const PAGE = 100;

type Verify = typeof import("@/lib/audit/verify").verifyAuditChain;
let verify: Verify;
let pool: pg.Pool;

beforeAll(async () => {
  verify = (await import("@/lib/audit/verify")).verifyAuditChain;
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    // The bench's own generator: its chain must be one the verifier accepts.
    await insertAuditEvents(client, ROWS);
  } finally {
    await client.end();
  }
});
afterAll(() => pool.end());

/** The pool, recording how many rows each query returned. */
function counted(): { sql: AuditSql; sizes: number[] } {
  const sizes: number[] = [];
  const sql: AuditSql = {
    query: async <R extends object>(text: string, values: unknown[]) => {
      const result = await pool.query<R>(text, values);
      sizes.push(result.rows.length);
      return result;
    },
  };
  return { sql, sizes };
}

describe("the chain check's reads", () => {
  it("walks a generated chain of N rows in pages of k: at least N/k queries, none over k rows", async () => {
    const { sql, sizes } = counted();
    const report = await verify(sql, { batchSize: PAGE });
    expect(report).toMatchObject({ ok: true, checked: ROWS, head: { id: String(ROWS) } });
    expect(sizes.length).toBeGreaterThanOrEqual(ROWS / PAGE);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PAGE);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(ROWS + 2 * PAGE);
  });

  it("reports progress once per page, in order", async () => {
    const progress: number[] = [];
    await verify(pool, { batchSize: PAGE, onProgress: (checked) => progress.push(checked) });
    expect(progress).toHaveLength(ROWS / PAGE);
    expect(progress.at(-1)).toBe(ROWS);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("starts after a given row, reading only what follows it", async () => {
    const { rows } = await pool.query<{ hash: string }>("SELECT hash FROM audit_events WHERE id = 2000");
    const { sql, sizes } = counted();
    const report = await verify(sql, { batchSize: PAGE, from: { id: 2000n, hash: rows[0]!.hash } });
    expect(report).toMatchObject({ ok: true, checked: ROWS - 2000 });
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(ROWS - 2000 + 1);
  });
});
