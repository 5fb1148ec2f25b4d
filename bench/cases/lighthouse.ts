// (f) What the browser sees: Lighthouse (desktop preset) on the list page and the bench case's page as the
// signed-in lead, three runs each, median scores, LCP and total blocking time. Desktop because the back
// office is a desk application: staff review video calls on desktop screens, and the mobile preset's 4×
// CPU slowdown and slow-4G model describe a phone the app is not built for.
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import type { BenchCase } from "../support/case-data";
import { check, type BenchContext, type Check } from "./types";

const RUNS = 3;
const MIN_SCORE = 95;
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"];

type Run = { performance: number; accessibility: number; lcpMs: number; tbtMs: number };

export type LighthouseResult = {
  name: string;
  path: string;
  preset: "desktop";
  runs: Run[];
  median: Run;
  checks: Check[];
  notes: string[];
};

type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const score = (lhr: Report, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const ms = (lhr: Report, audit: string) => Math.round(lhr.audits[audit]?.numericValue ?? NaN);

/** What Lighthouse would have us fix: failed accessibility audits, and performance audits below full marks. */
function findings(lhr: Report): string[] {
  const failed = (category: string) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
      .map((a) => `${a!.id}${a!.displayValue ? ` (${a!.displayValue})` : ""}`);
  const found = [];
  const a11y = failed("accessibility");
  const perf = failed("performance");
  if (a11y.length) found.push(`accessibility audits failed: ${a11y.join(", ")}`);
  if (perf.length) found.push(`performance audits below full marks: ${perf.join(", ")}`);
  return found;
}

async function audit(url: string, cookie: string, chromePort: number): Promise<Report> {
  const result = await lighthouse(
    url,
    {
      port: chromePort,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      // Sent with every request of the run: Lighthouse clears the origin's storage before it loads the page,
      // so a cookie set in the browser beforehand would be gone.
      extraHeaders: { Cookie: cookie },
    },
    desktopConfig,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  // Signed out, the app redirects to /login: that page's scores would pass for the one we meant.
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    throw new Error(`Lighthouse on ${url} ended on ${lhr.finalDisplayedUrl}: is the session cookie sent?`);
  }
  return lhr;
}

async function page(name: string, url: string, cookie: string): Promise<LighthouseResult> {
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
  });
  const runs: Run[] = [];
  const notes = new Set<string>();
  try {
    for (let i = 0; i < RUNS; i++) {
      console.log(`${name}: run ${i + 1} of ${RUNS}…`);
      const lhr = await audit(url, cookie, chrome.port);
      runs.push({
        performance: score(lhr, "performance"),
        accessibility: score(lhr, "accessibility"),
        lcpMs: ms(lhr, "largest-contentful-paint"),
        tbtMs: ms(lhr, "total-blocking-time"),
      });
      for (const finding of findings(lhr)) notes.add(finding);
    }
  } finally {
    chrome.kill();
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
    notes: [...notes],
  };
}

export async function benchLighthouse(
  ctx: BenchContext & { benchCase: BenchCase },
): Promise<LighthouseResult[]> {
  const { baseUrl } = ctx.config;
  return [
    await page("lighthouse: list page", `${baseUrl}/`, ctx.leadCookie),
    await page("lighthouse: case page", `${baseUrl}/verifications/${ctx.benchCase.id}`, ctx.leadCookie),
  ];
}
