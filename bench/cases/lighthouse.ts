// (f) What the browser sees: Lighthouse (desktop preset) on the list page and the bench case's page as the
// signed-in lead, three runs each, median scores, LCP and total blocking time. Desktop because the back
// office is a desk application: staff review video calls on desktop screens, and the mobile preset's 4×
// CPU slowdown and slow-4G model describe a phone the app is not built for.
import type { BenchCase } from "../support/case-data";
import { BENCH_PASSWORDS } from "../support/config";
import { notesOf, signedInBrowser, type Run } from "../support/lighthouse-run";
import { signIn } from "../support/session";
import { check, type BenchContext, type Check } from "./types";

const RUNS = 3;
const MIN_SCORE = 95;

export type LighthouseResult = {
  name: string;
  path: string;
  preset: "desktop";
  runs: Run[];
  median: Run;
  checks: Check[];
  notes: string[];
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function pageResult(name: string, url: string, cookie: string): Promise<LighthouseResult> {
  const browser = await signedInBrowser(url, cookie);
  const runs: Run[] = [];
  const found = new Set<string>();
  const retried: string[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      console.log(`${name}: run ${i + 1} of ${RUNS}…`);
      const { run, findings } = await withRetries(() => browser.run(url), retried);
      runs.push(run);
      for (const finding of findings) found.add(finding);
    }
  } finally {
    await browser.close();
  }
  const m: Run = {
    performance: median(runs.map((r) => r.performance)),
    accessibility: median(runs.map((r) => r.accessibility)),
    lcpMs: median(runs.map((r) => r.lcpMs)),
    tbtMs: median(runs.map((r) => r.tbtMs)),
  };
  return {
    name,
    path: new URL(url).pathname,
    preset: "desktop",
    runs,
    median: m,
    checks: [
      check("performance (median)", `≥ ${MIN_SCORE}`, m.performance, m.performance >= MIN_SCORE),
      check("accessibility (median)", `≥ ${MIN_SCORE}`, m.accessibility, m.accessibility >= MIN_SCORE),
    ],
    notes: [...notesOf(found), ...retried],
  };
}

// Lighthouse itself sometimes fails to record a trace ("NO_NAVSTART: … Please run Lighthouse again"): such a
// run is repeated, at most twice, and the report says so.
const ATTEMPTS = 3;

async function withRetries<T>(run: () => Promise<T>, retried: string[]): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      retried.push(`A run was repeated: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** A page whose runs did not complete: both checks fail, with the reason, and the other results stand. */
function failed(name: string, url: string, error: unknown): LighthouseResult {
  const none: Run = { performance: 0, accessibility: 0, lcpMs: 0, tbtMs: 0 };
  return {
    name,
    path: new URL(url).pathname,
    preset: "desktop",
    runs: [],
    median: none,
    checks: [
      check("performance (median)", `≥ ${MIN_SCORE}`, "no run", false),
      check("accessibility (median)", `≥ ${MIN_SCORE}`, "no run", false),
    ],
    notes: [error instanceof Error ? error.message : String(error)],
  };
}

export async function benchLighthouse(
  ctx: BenchContext & { benchCase: BenchCase },
): Promise<LighthouseResult[]> {
  const { baseUrl } = ctx.config;
  // A session of its own: the bench never takes up the cookies the app reissues, so the run's first session
  // may be past its idle timeout by the time the load measurements are done.
  const { cookie } = await signIn(baseUrl, "lead@demo.markid.local", BENCH_PASSWORDS.LEAD!);
  const pages = [
    ["lighthouse: list page", `${baseUrl}/`],
    ["lighthouse: case page", `${baseUrl}/verifications/${ctx.benchCase.id}`],
  ] as const;
  const results: LighthouseResult[] = [];
  for (const [name, url] of pages) {
    results.push(await pageResult(name, url, cookie).catch((error: unknown) => failed(name, url, error)));
  }
  return results;
}
