// npm run bench: build, generate the dataset, start the production stack, run each benchmark against its
// baseline, write bench/results/<date>.{json,md}. Exits 1 when a target is missed. See bench/README.md.
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
const env = environment(`PostgreSQL ${String(postgres[0]?.server_version)}`, config.verifications);

const buildSeconds = await buildApp(config);
const dataset = await prepareDataset(config);
const stack = await startApp(config);
let exitCode = 1;
try {
  const lead = await signIn(config.baseUrl, "lead@demo.markid.local", BENCH_PASSWORDS.LEAD!);
  const only = process.env.BENCH_ONLY?.split(",");
  const wanted = (name: string) => !only || only.includes(name);
  // Inserted after the stack has seeded the demo staff, whom its events and decisions name.
  const benchCase = await prepareCase(config.databaseUrl, config.mediaDir);
  const ctx = { config, leadCookie: lead.cookie, benchCase };
  const cases: CaseResult[] = [];
  let lighthouse: LighthouseResult[] = [];
  if (wanted("list")) cases.push(...(await benchList(ctx)));
  if (wanted("case")) cases.push(await benchCasePage(ctx));
  if (wanted("webhook")) cases.push(await benchWebhook(ctx));
  if (wanted("media")) cases.push(await benchMedia(ctx));
  if (wanted("login")) cases.push(await benchLogin(ctx));
  // Last: a browser on the two cores would disturb the load measurements around it.
  if (wanted("lighthouse")) lighthouse = await benchLighthouse(ctx);
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
  await stack.stop();
}
process.exit(exitCode);
