// (e) `npm run audit:verify`, the real script as a child process, over the dataset's whole audit chain
// (BENCH_AUDIT_EVENTS, 5M at full scale, plus what the other cases appended): its peak resident memory and
// events per second, against a script that only reads the same rows with pg and hashes their text.
import path from "node:path";
import { withClient } from "../../scripts/db/client";
import { BENCH_SECRETS, ROOT, type BenchConfig } from "../support/config";
import type { Measurement } from "../support/measure";
import { runSampled, type SampledRun } from "../support/process-memory";
import { check, type CaseResult } from "./types";

const PEAK_MB = 200;
const RATIO = 0.5;
// The tool's own flags, as package.json gives them (V8's young generation capped: bench/README.md).
const NODE_FLAGS = ["--conditions=react-server", "--max-semi-space-size=8"];

/** The seconds a run says its own work took, from the first query to the last (process startup aside). */
const ownSeconds = (run: SampledRun, pattern: RegExp) => Number(pattern.exec(run.stdout)?.[1] ?? 0);

/** A run as the report's table has it: "rps" is events per second, latencies do not apply. */
function asMeasurement(rows: number, seconds: number, run: SampledRun): Measurement {
  const eps = seconds > 0 ? Math.round(rows / seconds) : 0;
  const failed = run.code === 0 ? 0 : 1;
  const none = { p50: 0, p95: 0, p99: 0, max: 0, bytesPerSec: 0 };
  return { requests: rows, rps: eps, ...none, non2xx: failed, errors: failed, statuses: {} };
}

export async function benchAuditVerify(config: BenchConfig): Promise<CaseResult> {
  const env = { ...process.env, DATABASE_URL: config.databaseUrl, NODE_ENV: "production" as const };
  const rows = await withClient(config.databaseUrl, async (client) => {
    // Into the page cache first, so that neither run pays for the disk and the other not.
    await client.query("SELECT count(*), sum(length(details::text)) FROM audit_events");
    const { rows } = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_events");
    return Number(rows[0]!.n);
  });
  console.log(`audit verify: npm run audit:verify over ${rows} events…`);
  const app = await runSampled("npm", ["run", "--silent", "audit:verify"], {
    ...env,
    MEDIA_DIR: config.mediaDir,
    AUDIT_CHECKPOINT_KEY: BENCH_SECRETS.AUDIT_CHECKPOINT_KEY,
  });
  console.log("audit verify: baseline…");
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  const base = await runSampled(tsx, [...NODE_FLAGS, path.join(ROOT, "bench/baselines/audit-read.ts")], env);
  const intact = app.code === 0 && app.stdout.includes(`OK: ${rows} rows, chain intact`);
  const anchored = /anchored: checkpoint \d+/.test(app.stdout);
  const appSeconds = ownSeconds(app, /chain intact \(([\d.]+) s\)/);
  const baseSeconds = ownSeconds(base, /rows in ([\d.]+) s/);
  const appEps = asMeasurement(rows, appSeconds, app);
  const baseEps = asMeasurement(rows, baseSeconds, base);
  const eps = baseEps.rps ? Math.round((appEps.rps / baseEps.rps) * 1000) / 1000 : 0;
  return {
    name: "audit verify",
    app: appEps,
    baseline: baseEps,
    baselineLabel:
      "pg reading the same keyset pages, sha256 chained over each row's text (bench/baselines/audit-read.ts)",
    connections: 1,
    ratio: { rps: eps, p95: 0 },
    checks: [
      check(
        "chain intact, every row checked",
        `${rows} rows, exit 0`,
        intact ? "yes" : app.stderrTail,
        intact,
      ),
      check("held against a signed checkpoint", "yes", anchored ? "yes" : "no", anchored),
      check("peak resident memory (MB)", `≤ ${PEAK_MB}`, app.peakMb, app.peakMb > 0 && app.peakMb <= PEAK_MB),
      check("events/s ÷ baseline", `≥ ${RATIO}`, eps, eps >= RATIO),
    ],
    notes: [
      `${rows} events: audit:verify's check ${appSeconds} s (${appEps.rps} events/s), baseline ${baseSeconds} s ` +
        `(${baseEps.rps} events/s); whole commands with startup ${app.seconds} s and ${base.seconds} s.`,
      `Peak resident memory ${app.peakMb} MB (${app.peakCommand}); resident at ¼, ½, ¾ and end of the run: ` +
        `${app.rssMb.join(" / ")} MB. Baseline peak ${base.peakMb} MB.`,
    ],
  };
}
