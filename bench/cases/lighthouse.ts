// (f) What the browser sees: Lighthouse (desktop preset) on the list page and the bench case's page as the
// signed-in lead, three runs each, median scores, LCP and total blocking time. Desktop because the back
// office is a desk application: staff review video calls on desktop screens, and the mobile preset's 4×
// CPU slowdown and slow-4G model describe a phone the app is not built for.
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
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

type Row = Record<string, unknown>;
type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const score = (lhr: Report, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const ms = (lhr: Report, audit: string) => Math.round(lhr.audits[audit]?.numericValue ?? NaN);

/** What Lighthouse would have us fix: audits of a category below full marks, by id ("category: id"). */
function findings(lhr: Report): string[] {
  return ["accessibility", "performance"].flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
      .map((a) => `${category}: ${a!.id}`),
  );
}

/** One note per category: which audits fell short in any of the runs. */
function notesOf(found: Set<string>): string[] {
  return ["accessibility", "performance"].flatMap((category) => {
    const ids = [...found].filter((f) => f.startsWith(`${category}: `)).map((f) => f.split(": ")[1]);
    return ids.length ? [`${category} audits below full marks in some run: ${ids.join(", ")}`] : [];
  });
}

/** The session cookie ("name=value") in the browser's own jar, as a signed-in browser holds it. */
async function signedInPage(browser: Browser, baseUrl: string, cookie: string): Promise<Page> {
  const [name, ...value] = cookie.split("=");
  await browser.setCookie({
    name: name!,
    value: value.join("="),
    domain: new URL(baseUrl).hostname,
    path: "/",
  });
  return browser.newPage();
}

async function audit(url: string, page: Page, chromePort: number): Promise<Report> {
  // Each run starts with an empty cache, as Lighthouse's own reset would; the reset itself stays off since
  // it would clear the cookie too. (A Cookie header through extraHeaders does not hold: once the page sets a
  // cookie of its own, Chrome sends its jar instead, and the page's RSC requests arrive signed out.)
  const cdp = await page.createCDPSession();
  await cdp.send("Network.clearBrowserCache");
  await cdp.detach();
  const result = await lighthouse(
    url,
    {
      port: chromePort,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      disableStorageReset: true,
    },
    desktopConfig,
    page,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  // Signed out, the app sends the browser to /login: that page's scores would pass for the one we meant.
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    const requests = (lhr.audits["network-requests"]?.details as { items?: Row[] } | undefined)?.items ?? [];
    const refused = requests
      .filter((r) => r.statusCode !== 200)
      .map((r) => `${String(r.statusCode)} ${String(r.url)}`);
    throw new Error(
      `Lighthouse on ${url} ended on ${lhr.finalDisplayedUrl} (${refused.slice(0, 8).join(", ")})`,
    );
  }
  return lhr;
}

async function pageResult(name: string, url: string, cookie: string): Promise<LighthouseResult> {
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const runs: Run[] = [];
  const notes = new Set<string>();
  try {
    const page = await signedInPage(browser, url, cookie);
    for (let i = 0; i < RUNS; i++) {
      console.log(`${name}: run ${i + 1} of ${RUNS}…`);
      const lhr = await audit(url, page, chrome.port);
      runs.push({
        performance: score(lhr, "performance"),
        accessibility: score(lhr, "accessibility"),
        lcpMs: ms(lhr, "largest-contentful-paint"),
        tbtMs: ms(lhr, "total-blocking-time"),
      });
      for (const finding of findings(lhr)) notes.add(finding);
    }
  } finally {
    await browser.disconnect();
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
    notes: notesOf(notes),
  };
}

export async function benchLighthouse(
  ctx: BenchContext & { benchCase: BenchCase },
): Promise<LighthouseResult[]> {
  const { baseUrl } = ctx.config;
  return [
    await pageResult("lighthouse: list page", `${baseUrl}/`, ctx.leadCookie),
    await pageResult("lighthouse: case page", `${baseUrl}/verifications/${ctx.benchCase.id}`, ctx.leadCookie),
  ];
}
