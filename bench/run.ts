// npm run bench: build, generate the dataset, start the production stack, run each benchmark against its
// baseline, write bench/results/<date>.{json,md}. Exits 1 when a target is missed. See bench/README.md.
import { benchAuditVerify } from "./cases/audit-verify";
import { benchBigVideo } from "./cases/big-video";
import { benchCasePage } from "./cases/case-page";
import { benchLighthouse, type LighthouseResult } from "./cases/lighthouse";
import { benchList } from "./cases/list";
import { benchLogin } from "./cases/login";
import { benchMedia } from "./cases/media";
import type { CaseResult } from "./cases/types";
import { benchWebhook } from "./cases/webhook";
import { BENCH_PASSWORDS, readConfig } from "./support/config";
import { withClient } from "../scripts/db/client";
import { prepareCase } from "./support/case-data";
import { prepareDataset } from "./support/database";
import { environment, writeReport } from "./support/report";
import { signIn } from "./support/session";
import { buildApp, startApp } from "./support/stack";

const started = performance.now();
const startedAt = new Date().toISOString();
const config = readConfig();
const postgres = await withClient(config.adminUrl, async (c) => (await c.query("SHOW server_version")).rows);
const env = environment(
  `PostgreSQL ${String(postgres[0]?.server_version)}`,
  config.verifications,
  config.webProcesses,
);

const only = process.env.BENCH_ONLY?.split(",");
const selected = (name: string) => !only || only.includes(name);
// audit:verify needs the database only: BENCH_ONLY=audit neither builds nor starts the app.
const needsApp = ["list", "case", "webhook", "media", "login", "big-video", "lighthouse"].some(selected);
const buildSeconds = needsApp ? await buildApp(config) : 0;
const dataset = await prepareDataset(config);
const stack = needsApp ? await startApp(config) : null;
let exitCode = 1;
try {
  const cases: CaseResult[] = [];
  let lighthouse: LighthouseResult[] = [];
  if (stack) {
    const lead = await signIn(config.baseUrl, "lead@demo.markid.local", BENCH_PASSWORDS.LEAD!);
    // Inserted after the stack has seeded the demo staff, whom its events and decisions name.
    const benchCase = await prepareCase(config.databaseUrl, config.mediaDir);
    const ctx = { config, leadCookie: lead.cookie, benchCase };
    if (selected("list")) cases.push(...(await benchList(ctx)));
    if (selected("case")) cases.push(await benchCasePage(ctx));
    if (selected("webhook")) cases.push(await benchWebhook(ctx));
    if (selected("media")) cases.push(await benchMedia(ctx));
    if (selected("login")) cases.push(await benchLogin(ctx));
    if (selected("big-video")) cases.push(await benchBigVideo(ctx));
    // After the load cases: a browser on the two cores would disturb the measurements around it.
    if (selected("lighthouse")) lighthouse = await benchLighthouse(ctx);
  }
  // Last: the chain it checks then holds what the other cases appended through the app.
  if (selected("audit")) cases.push(await benchAuditVerify(config));
  const passed = [...cases, ...lighthouse].every((c) => c.checks.every((k) => k.pass));
  const totalSeconds = Math.round((performance.now() - started) / 1000);
  const report = {
    startedAt,
    environment: env,
    dataset,
    buildSeconds,
    totalSeconds,
    cases,
    lighthouse,
    passed,
  };
  const written = await writeReport(report);
  console.log(`\nWritten ${written}.json and ${written}.md (${totalSeconds} s in total).`);
  for (const c of [...cases, ...lighthouse]) {
    for (const k of c.checks) {
      console.log(`${k.pass ? "pass" : "FAIL"}  ${c.name}: ${k.name} = ${k.value} (target ${k.target})`);
    }
  }
  exitCode = passed ? 0 : 1;
} finally {
  await stack?.stop();
}
process.exit(exitCode);
