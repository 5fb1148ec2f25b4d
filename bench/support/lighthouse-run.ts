// One Lighthouse run in a signed-in Chromium (chrome-launcher, puppeteer-core), reduced to what the bench
// reports: scores, LCP, total blocking time, and the audits that fell short.
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

// --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"];

export type Run = { performance: number; accessibility: number; lcpMs: number; tbtMs: number };

type Row = Record<string, unknown>;
type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

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
export function notesOf(found: Set<string>): string[] {
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

export type SignedInBrowser = {
  /** One Lighthouse run of `url`: its figures and the audits short of full marks ("category: id"). */
  run: (url: string) => Promise<{ run: Run; findings: string[] }>;
  close: () => Promise<void>;
};

/** Chromium (CHROME_PATH, default /usr/bin/chromium) with the session cookie for `baseUrl` in its jar. */
export async function signedInBrowser(baseUrl: string, cookie: string): Promise<SignedInBrowser> {
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const close = async () => {
    await browser.disconnect();
    chrome.kill();
  };
  const page = await signedInPage(browser, baseUrl, cookie).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return {
    close,
    run: async (url) => {
      const lhr = await audit(url, page, chrome.port);
      const run = {
        performance: score(lhr, "performance"),
        accessibility: score(lhr, "accessibility"),
        lcpMs: ms(lhr, "largest-contentful-paint"),
        tbtMs: ms(lhr, "total-blocking-time"),
      };
      return { run, findings: findings(lhr) };
    },
  };
}
