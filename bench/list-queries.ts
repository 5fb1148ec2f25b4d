// Measures the oversight queries on a production-sized dataset: 1M verifications, their decisions and
// videos, 5M audit events.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx --conditions=react-server bench/list-queries.ts
// The URL names a server (superuser: the load sets session_replication_role); the bench uses its own
// database, mbo_bench_list, created, migrated and loaded on the first run (a few minutes), then reused.
// Part 1 runs the list SQL under EXPLAIN ANALYZE (server time); part 2 times the app's own functions
// (wall clock, including the approximate count, Prisma and the network).
import pg from "pg";
import { ensureDatabase } from "../scripts/db/create-database";
import { applyMigrations } from "../scripts/db/migrations";
import { bulkLoad, insertDecisionsAndMedia, insertVerifications } from "../tests/support/large-dataset";
import { insertAuditEvents } from "../tests/support/audit-chain-dataset";
import { listCases, probe } from "../tests/support/list-cases";
import { scansOn, type ExplainOutput } from "../tests/support/plans";
import { appCases } from "./app-cases";

const server = process.env.DATABASE_URL;
if (!server) throw new Error("Set DATABASE_URL to a PostgreSQL server.");
const url = new URL(server);
url.pathname = "/mbo_bench_list";
await ensureDatabase(url.toString());
await applyMigrations(url.toString());

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
const { rows: counted } = await client.query("SELECT count(*)::int AS n FROM verifications");
if (counted[0].n === 0) {
  const started = Date.now();
  console.error("Loading 1M verifications, decisions, videos and 5M audit events…");
  await bulkLoad(client, ["verifications", "decisions", "media_assets", "audit_events"], async () => {
    await insertVerifications(client, 1_000_000);
    await insertDecisionsAndMedia(client);
    await insertAuditEvents(client, 5_000_000);
  });
  console.error(`Loaded in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}
const facts = await probe(async (sql) => (await client.query(sql)).rows);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const RUNS = 7;

const { listQuery } = await import("../lib/verifications/list-sql");
const { CLOCK } = await import("./baselines/list-sql");
console.log("## List SQL, EXPLAIN ANALYZE (median of 6 warm runs)\n");
console.log("| query | ms | rows | scans on verifications |\n|---|---:|---:|---|");
for (const c of listCases(facts)) {
  const page = { cursor: c.cursor ?? null, backwards: c.backwards ?? false };
  const q = listQuery(c.filters, c.scope ?? { kind: "all" }, c.sort ?? "created_desc", page, 51, CLOCK);
  const times: number[] = [];
  let plan: ExplainOutput | undefined;
  for (let i = 0; i < RUNS; i += 1) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.text}`, q.values);
    plan = rows[0]["QUERY PLAN"][0] as ExplainOutput;
    if (i > 0) times.push(plan["Execution Time"]!);
  }
  const scans = [...new Set(scansOn(plan!.Plan, "verifications"))].join("; ");
  console.log(`| ${c.name} | ${median(times).toFixed(2)} | ${plan!.Plan["Actual Rows"]} | ${scans} |`);
}

console.log("\n## The app's functions, wall clock (median of 6 warm runs)\n");
console.log("| call | ms |\n|---|---:|");
for (const c of await appCases(url.toString(), facts)) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await c.run();
    if (i > 0) times.push(performance.now() - started);
  }
  console.log(`| ${c.name} | ${median(times).toFixed(1)} |`);
}
await client.end();
process.exit(0);
