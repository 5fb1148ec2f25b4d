// The JavaScript a page costs on a first visit: every script resource it loads, gzipped with zlib (level 6,
// what servers commonly use), summed. Budget: 200 kB (200,000 bytes) for the list and the review page.
import { gzipSync } from "node:zlib";
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { signIn } from "./support/session";

const BUDGET_BYTES = 200_000;

/** A signed-in context whose HTTP cache is empty, so the page loads everything it needs. */
async function coldContext(browser: Browser, signedIn: BrowserContext): Promise<BrowserContext> {
  return browser.newContext({ storageState: await signedIn.storageState() });
}

async function scriptWeight(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const scripts: Promise<{ url: string; gzip: number }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(
      response
        .body()
        .then((body) => ({ url: new URL(response.url()).pathname, gzip: gzipSync(body).length })),
    );
  });
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  const loaded = await Promise.all(scripts);
  await page.close();
  return { total: loaded.reduce((sum, s) => sum + s.gzip, 0), scripts: loaded };
}

test("the list and review pages each load at most 200 kB of gzipped JavaScript", async ({
  browser,
  page,
  context,
}, testInfo) => {
  await signIn(page, "OFFICER");
  const hrefs = await page
    .locator("a[href^='/verifications/']")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const reviewPath = hrefs.find((href) => /^\/verifications\/[0-9a-f-]{36}$/.test(href ?? ""));
  expect(reviewPath, "a verification to review").toBeTruthy();

  for (const [name, url] of [
    ["list", "/"],
    ["review", reviewPath!],
  ] as const) {
    const cold = await coldContext(browser, context);
    const weight = await scriptWeight(cold, url);
    await cold.close();
    await testInfo.attach(`${name}-scripts.json`, {
      body: JSON.stringify(weight, null, 2),
      contentType: "application/json",
    });
    console.log(`${name} page: ${weight.scripts.length} scripts, ${weight.total} bytes gzipped`);
    expect(weight.scripts.length, `${name} page loads scripts`).toBeGreaterThan(0);
    expect(weight.total, `${name} page JS (gzip bytes)`).toBeLessThanOrEqual(BUDGET_BYTES);
  }
});
