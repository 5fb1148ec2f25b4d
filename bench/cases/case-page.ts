// (e) The case page of one decided verification (four recordings, two decisions, 30 timeline events) as the
// lead opens it, against node:http running the SQL that one request of the page issues, through pg.
import { startBaseline } from "../baselines/launch";
import type { CaseAnswer } from "../baselines/case-page";
import type { BenchCase } from "../support/case-data";
import { measureInTurns, ratio, type Load, type Measurement } from "../support/measure";
import { check, type BenchContext, type CaseResult } from "./types";

const CONNECTIONS = Number(process.env.BENCH_CASE_CONNECTIONS ?? 4);
const TARGET_P95_MS = 40;

/** The page answers and shows this case (its scanRef), not a login page or another case. */
async function showsCase(url: string, cookie: string, c: BenchCase): Promise<boolean> {
  const page = await fetch(url, { headers: { cookie } });
  return page.ok && (await page.text()).includes(c.scanRef);
}

export async function benchCasePage(ctx: BenchContext & { benchCase: BenchCase }): Promise<CaseResult> {
  const { config, benchCase } = ctx;
  const load: Load = {
    connections: CONNECTIONS,
    seconds: config.seconds,
    warmupSeconds: config.warmupSeconds,
  };
  const appUrl = `${config.baseUrl}/verifications/${benchCase.id}`;
  const baseline = await startBaseline({
    kind: "case",
    databaseUrl: config.databaseUrl,
    email: "lead@demo.markid.local",
    verificationId: benchCase.id,
  });
  try {
    const shown = await showsCase(appUrl, ctx.leadCookie, benchCase);
    const answer = (await (await fetch(baseline.url)).json()) as CaseAnswer;
    const same =
      answer.scanRef === benchCase.scanRef &&
      answer.media === 4 &&
      answer.decisions === 2 &&
      answer.timeline === 30;
    console.log("case page: app and baseline in turns…");
    const [app, base] = (await measureInTurns(
      [{ url: appUrl, headers: { cookie: ctx.leadCookie } }, { url: baseline.url }],
      load,
      ctx.config.rounds,
    )) as [Measurement, Measurement];
    const errors = app.non2xx + app.errors;
    return {
      name: "case page",
      app,
      baseline: base,
      baselineLabel:
        "node:http + pg running the statements one GET of the page issues (session, layout, page; bench/baselines/case-sql.ts)",
      connections: CONNECTIONS,
      ratio: { rps: ratio(app.rps, base.rps), p95: ratio(app.p95, base.p95) },
      checks: [
        check("p95 (ms)", `≤ ${TARGET_P95_MS}`, app.p95, app.p95 <= TARGET_P95_MS),
        check("non-2xx + errors", "0", errors, errors === 0),
        check("page shows the case (scanRef)", "yes", shown, shown),
        check("baseline reads 4 files, 2 decisions, 30 events", "yes", same, same),
      ],
      notes: [`Verification ${benchCase.id}: ${JSON.stringify(answer)}`],
    };
  } finally {
    await baseline.stop();
  }
}
