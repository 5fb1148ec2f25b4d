// No secret reaches a browser: every page each non-admin role can reach, every response those pages cause
// (documents, RSC payloads, JSON, scripts, styles) and every built static file is searched for the e2e stack's
// secrets and for MarkID's signed media links. Every document also carries the security headers.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page, type Response } from "@playwright/test";
import { E2E_PORT, E2E_SANDBOX_PORT, E2E_SECRETS } from "./support/constants";
import { signIn, STAFF } from "./support/session";

test.describe.configure({ mode: "serial" });

const FORBIDDEN: Array<[string, RegExp]> = [
  ...Object.entries(E2E_SECRETS).map(([name, value]): [string, RegExp] => [
    name,
    new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  ]),
  // The call page link is meant for staff; recordings must only ever be served through /api/media.
  ["a MarkID media link", new RegExp(`:${E2E_SANDBOX_PORT}/media/`)],
  ["a signed media URL", /[?&](Signature|X-Amz-Signature)=[0-9a-f]{32,}/i],
];
const TEXT = /html|json|javascript|x-component|css|text\/plain|csv/;
const MAX_PAGES = 20;

function leaksIn(text: string, where: string): string[] {
  return FORBIDDEN.filter(([, pattern]) => pattern.test(text)).map(([name]) => `${name} in ${where}`);
}

function headerProblems(response: Response): string[] {
  const h = response.headers();
  const csp = h["content-security-policy"] ?? "";
  const problems = [
    [/script-src[^;]*'nonce-[^']+'/.test(csp), "CSP without a script nonce"],
    [csp.includes("frame-ancestors 'none'"), "CSP without frame-ancestors 'none'"],
    [/max-age=\d+/.test(h["strict-transport-security"] ?? ""), "no HSTS"],
    [h["x-content-type-options"] === "nosniff", "no nosniff"],
    [Boolean(h["referrer-policy"]), "no Referrer-Policy"],
  ] as const;
  return problems.filter(([ok]) => !ok).map(([, what]) => `${what}: ${response.url()}`);
}

/** Watches every response of our own origin while `visit` runs. */
async function watched(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const checks: Promise<string[]>[] = [];
  const listener = (response: Response) => {
    const url = new URL(response.url());
    if (url.port !== String(E2E_PORT)) return;
    const type = response.headers()["content-type"] ?? "";
    const isDocument = response.request().resourceType() === "document";
    checks.push(
      (async () => {
        const found = isDocument && response.status() < 300 ? headerProblems(response) : [];
        if (!TEXT.test(type) || response.status() >= 300) return found;
        const body = await response.text().catch(() => "");
        return [...found, ...leaksIn(body, `${url.pathname}${url.search} (${type.split(";")[0]})`)];
      })(),
    );
  };
  page.on("response", listener);
  await visit();
  page.off("response", listener);
  return (await Promise.all(checks)).flat();
}

/** Every page reachable through same-origin links from the list, as far as MAX_PAGES. */
async function crawl(page: Page): Promise<string[]> {
  const queue = ["/"];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length && i < MAX_PAGES; i++) {
    await page.goto(queue[i]!);
    await page.waitForLoadState("networkidle");
    const links = await page
      .locator("a[href^='/']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const link of links) {
      const pathOnly = link.split("#")[0]!;
      if (pathOnly.startsWith("/api/") || seen.has(pathOnly)) continue;
      seen.add(pathOnly);
      queue.push(pathOnly);
    }
  }
  // A client-side navigation too: its RSC payload is a response of its own.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link").first().click();
  await page.waitForLoadState("networkidle");
  return queue.slice(0, MAX_PAGES);
}

test.beforeAll("a verification with archived recordings exists", async ({ browser }, testInfo) => {
  testInfo.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "OFFICER");
  await page.getByRole("link", { name: "New verification" }).click();
  await page.getByLabel("Client ID").fill(`SEC-${Date.now()}`);
  await page.getByRole("button", { name: "Create verification" }).click();
  await page.getByRole("button", { name: "Start video call" }).click();
  const callUrl = await page.getByLabel("Video call link").inputValue();
  const client = await context.newPage();
  await client.goto(callUrl);
  await client.getByRole("button", { name: "Finish call — success" }).click();
  const recordings = page.getByRole("region", { name: "Recordings" });
  await expect(recordings.getByRole("img", { name: "Face photo" })).toBeVisible({ timeout: 60_000 });
  await context.close();
});

for (const role of ["OFFICER", "LEAD", "OPS"] as const) {
  test(`${role.toLowerCase()}: no secret or MarkID media link in any response, headers on every page`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    let pages: string[] = [];
    const problems = await watched(page, async () => {
      await signIn(page, role);
      pages = await crawl(page);
    });
    expect(pages.length, `pages crawled as ${STAFF[role]}`).toBeGreaterThan(2);
    expect(
      pages.some((p) => p.startsWith("/verifications/")),
      "a verification page was crawled",
    ).toBe(true);
    expect([...new Set(problems)]).toEqual([]);
  });
}

test("the built static files carry no secret", async () => {
  const dist = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
  const files = (await readdir(path.join(dist, "static"), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  expect(files.length).toBeGreaterThan(10);
  const leaks: string[] = [];
  for (const file of files) leaks.push(...leaksIn(await readFile(file, "utf8"), path.relative(dist, file)));
  expect(leaks).toEqual([]);
});
