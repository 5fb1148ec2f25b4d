// At a million verifications the list must read through indexes: a plan that scans the table would be
// seconds per page. Plans are checked, not timings (bench/list-queries.ts measures those).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_STAGE_TARGETS } from "@/lib/settings/desk-settings";
import { listQuery } from "@/lib/verifications/list-sql";

const CLOCK = { targets: DEFAULT_STAGE_TARGETS, dueSoonPercent: 20, now: new Date() };
import { bulkLoad, insertVerifications } from "../support/large-dataset";
import { listCases, MUST_USE_INDEX, probe, type ListCase } from "../support/list-cases";
import { INDEX_SCAN, scansOn, type ExplainOutput } from "../support/plans";

const ROWS = 1_000_000;
let client: pg.Client;
let cases: ListCase[] = [];

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await bulkLoad(client, ["verifications"], () => insertVerifications(client, ROWS));
  cases = listCases(await probe(async (sql) => (await client.query(sql)).rows));
}, 240_000);
afterAll(() => client.end());

async function plan(c: ListCase): Promise<ExplainOutput> {
  const page = { cursor: c.cursor ?? null, backwards: c.backwards ?? false };
  const query = listQuery(c.filters, c.scope ?? { kind: "all" }, c.sort ?? "created_desc", page, 51, CLOCK);
  const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${query.text}`, query.values);
  return rows[0]["QUERY PLAN"][0];
}

describe(`the verification list at ${ROWS.toLocaleString("en")} rows`, () => {
  it("has the rows and fresh statistics", async () => {
    const { rows } = await client.query(
      "SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'verifications'",
    );
    expect(Number(rows[0].n)).toBeGreaterThan(ROWS * 0.95);
  });

  it.each(MUST_USE_INDEX)("%s: an index scan, no sequential scan of verifications", async (name) => {
    const c = cases.find((k) => k.name === name)!;
    const scans = scansOn((await plan(c)).Plan, "verifications");
    expect(
      scans.some((s) => INDEX_SCAN.test(s)),
      scans.join("; "),
    ).toBe(true);
    expect(scans.filter((s) => s.startsWith("Seq Scan"))).toEqual([]);
  });

  it("never scans the whole table for any other filter or sort either", async () => {
    const seq: string[] = [];
    for (const c of cases) {
      const scans = scansOn((await plan(c)).Plan, "verifications");
      if (scans.some((s) => s.startsWith("Seq Scan"))) seq.push(`${c.name}: ${scans.join("; ")}`);
    }
    expect(seq).toEqual([]);
  });

  it("reads a deep keyset page from the same index as the first page", async () => {
    const first = scansOn((await plan(cases[0]!)).Plan, "verifications");
    const deep = scansOn((await plan(cases[1]!)).Plan, "verifications");
    expect(deep).toEqual(first);
    expect(first[0]).toMatch(/^Index Scan using verifications_createdAt_id_idx/);
  });
});
