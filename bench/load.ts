// npm run bench:load: LOAD_SESSIONS staff sessions browse and decide for LOAD_SECONDS while a burst of MarkID
// webhooks arrives; then every acknowledged webhook and every decision is looked up in the database.
// Exits 1 on any error or anything lost. See bench/README.md.
import { planLoad } from "./load/plan";
import { lostWork, writeLoadReport, type LoadReport } from "./load/report";
import { runStaff, warmUp, type StaffRun } from "./load/staff";
import { Recorder } from "./load/stats";
import { webhookBurst } from "./load/webhooks";
import { readConfig } from "./support/config";
import { prepareDataset } from "./support/database";
import { appliedDuringBurst, drainWebhooks } from "./support/queue";
import { signIn } from "./support/session";
import { buildApp, startApp } from "./support/stack";

// The target on every staff route (bench/README.md).
const STAFF_P95_MS = 250;
// The report's p95 per window of the run, so a p95 can be placed: the start, the burst, or throughout.
const WINDOW_SECONDS = 10;

const config = readConfig();
const { load } = config;
const thinkMs = Number(process.env.LOAD_THINK_MS ?? 1000);
const drainSeconds = Number(process.env.LOAD_DRAIN_SECONDS ?? 60);
const warmupSeconds = Number(process.env.LOAD_WARMUP_SECONDS ?? 3);
const startedAt = new Date().toISOString();

await buildApp(config);
await prepareDataset(config);
const stack = await startApp(config);
let exitCode = 1;
try {
  const plan = await planLoad(config.databaseUrl, load.sessions, load.webhooks);
  const recorder = new Recorder();
  const runs: StaffRun[] = [];
  // Signed in one after another: fifty argon2 hashes at once would only measure the login. Each through both
  // steps; sessions of one account take its codes in turn (one per 30 s step), so a third may wait for one.
  for (const session of plan.sessions) {
    const { cookie } = await signIn(config.baseUrl, session.account.email, session.account.password);
    const { baseUrl } = config;
    const { cursors } = plan;
    runs.push({
      baseUrl,
      cookie,
      plan: session,
      cursors,
      deadline: 0,
      thinkMs,
      decideEvery: load.decideEvery,
      recorder,
      decided: [],
    });
  }
  console.log(`${runs.length} sessions signed in; warming up for ${warmupSeconds} s…`);
  await warmUp(runs, warmupSeconds);
  console.log(`Running for ${load.seconds} s…`);
  const runFromMs = recorder.now();
  const deadline = Date.now() + load.seconds * 1000;
  for (const run of runs) run.deadline = deadline;
  // The burst starts a third of the way in, when every session is busy.
  const burst = new Promise((resolve) => setTimeout(resolve, (load.seconds * 1000) / 3)).then(() =>
    webhookBurst(config.baseUrl, plan.webhookScanRefs, load.webhooks, load.webhookConcurrency, recorder),
  );
  const [sent] = await Promise.all([burst, ...runs.map(runStaff)]);
  const decided = runs.flatMap((r) => r.decided.map((id) => ({ id, by: r.plan.account.id })));
  const lost = await lostWork(config.databaseUrl, sent.acked, decided);
  console.log(`Run over; waiting up to ${drainSeconds} s for the job workers to apply the webhooks…`);
  const queue = {
    ...(await drainWebhooks(config.databaseUrl, sent.acked, drainSeconds)),
    waitedSeconds: drainSeconds,
    burst: await appliedDuringBurst(config.databaseUrl, sent.acked),
  };
  const errors = recorder.totalErrors() + sent.gaveUp;
  const report: LoadReport = {
    startedAt,
    sessions: runs.length,
    seconds: load.seconds,
    thinkMs,
    warmupSeconds,
    routes: recorder.summary(),
    windows: recorder.windows(WINDOW_SECONDS, runFromMs),
    windowSeconds: WINDOW_SECONDS,
    burstFromSecond: load.seconds / 3,
    errors,
    lost,
    decisions: decided.length,
    webhooks: { sent: sent.sent, distinctAcknowledged: sent.acked.size, gaveUp: sent.gaveUp },
    queue,
    errorSamples: recorder.samples,
    passed:
      errors === 0 &&
      lost.webhooks === 0 &&
      lost.decisions === 0 &&
      queue.left === 0 &&
      // The target on every staff route (bench/README.md): p95 ≤ 250 ms.
      Object.entries(recorder.summary()).every(([route, s]) => route === "webhook" || s.p95 <= STAFF_P95_MS),
  };
  console.table(report.routes);
  console.log(JSON.stringify({ errors, lost, decisions: decided.length, queue, webhooks: report.webhooks }));
  for (const sample of recorder.samples) console.log(sample);
  console.log(`Written ${await writeLoadReport(report)}.{json,md}`);
  exitCode = report.passed ? 0 : 1;
} finally {
  await stack.stop();
}
process.exit(exitCode);
