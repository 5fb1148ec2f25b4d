// npm run retention:purge: runs the daily retention purge now, as the job does (lib/retention/purge-job.ts),
// and prints what it did. `--as-of=<ISO date>` purges as if on that date, only with RETENTION_TEST_CLOCK=on
// (the e2e run moves the clock five years forward with it).
import { boot } from "./boot";

const env = await boot();
const flag = process.argv.find((a) => a.startsWith("--as-of="));
if (flag && env.RETENTION_TEST_CLOCK !== "on") {
  console.error("--as-of needs RETENTION_TEST_CLOCK=on: it purges before the policy says, so only in tests.");
  process.exit(2);
}
const asOf = flag ? new Date(flag.slice("--as-of=".length)) : new Date();
if (Number.isNaN(asOf.getTime())) {
  console.error(`Not a date: ${flag}`);
  process.exit(2);
}
const { purgeDeps, runRetentionPurge } = await import("../lib/retention/purge-job");
const deps = purgeDeps();
const run = await runRetentionPurge(deps, asOf);
console.log(JSON.stringify({ asOf: asOf.toISOString(), ...run }));
await deps.db.$disconnect();
process.exit(run.error ? 1 : 0);
