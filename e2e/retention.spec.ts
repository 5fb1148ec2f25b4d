import { expect, test, type Page } from "@playwright/test";
import { runPurgeAsOf } from "./support/purge";
import { sandboxControl } from "./support/sandbox";
import { signIn } from "./support/session";

// Runs last but one (alphabetical order): the purge five years on takes every case of earlier specs too.
const FIVE_YEARS_ON = new Date(Date.now() + (5 * 365 + 3) * 86_400_000);

async function newCase(page: Page, clientId: string) {
  await page.goto("/verifications/new");
  await page.getByLabel("Client ID").fill(clientId);
  await page.getByLabel("First name").fill("Greta");
  await page.getByLabel("Last name").fill("Heldt");
  await page.getByRole("button", { name: "Create verification" }).click();
  await expect(page.getByRole("heading", { name: "Greta Heldt" })).toBeVisible();
  const scanRef = (await page.locator("dl > div", { hasText: "scanRef" }).locator("dd").innerText()).trim();
  return { path: new URL(page.url()).pathname, scanRef };
}

test("a lead holds one case; the purge five years on deletes the other, with its receipt, and keeps the held one", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  await signIn(page, "LEAD");
  const held = await newCase(page, `E2E-HOLD-${stamp}`);
  const purged = await newCase(page, `E2E-PURGE-${stamp}`);

  // The hold, from the case page, with the keyboard's Enter on the form.
  await page.goto(held.path);
  const retention = page.getByRole("region", { name: "Retention" });
  await expect(retention.getByText(/^Kept until \d{4}-\d{2}-\d{2}/)).toBeVisible();
  const holdForm = retention.getByRole("form", { name: "Place a legal hold" });
  await holdForm.getByLabel("Reason").fill("Fraud investigation 2026-117");
  await holdForm.getByRole("button", { name: "Place legal hold" }).click();
  await expect(retention.getByText("Legal hold placed.", { exact: false })).toBeVisible();
  await page.reload();
  await expect(retention.getByText("On legal hold: kept until every hold is lifted.")).toBeVisible();

  // Listed on its own page; whoever placed it cannot lift it alone.
  await page.goto("/retention/holds");
  const row = page.getByRole("listitem").filter({ hasText: "Fraud investigation 2026-117" });
  await row.getByRole("button", { name: "Lift hold" }).click();
  await expect(row.getByText(/Another lead or admin must lift a hold you placed/)).toBeVisible();

  // Five years on, with MarkID's links long expired.
  for (const c of [held, purged]) await sandboxControl({ action: "expireToken", scanRef: c.scanRef });
  const run = await runPurgeAsOf(FIVE_YEARS_ON);
  expect(run).toMatchObject({ error: 0, failed: 0 });
  expect(Number(run.purged)).toBeGreaterThanOrEqual(1);
  expect(Number(run.held)).toBe(0);

  await page.goto(purged.path);
  expect(await page.getByText(`E2E-PURGE-${stamp}`).count()).toBe(0);
  await expect(page.getByText("Greta Heldt")).toHaveCount(0);
  await expect(retention.getByText(/^Evidence deleted on .* under retention policy version 0/)).toBeVisible();
  const href = await retention
    .getByRole("link", { name: "Download deletion receipt (JSON)" })
    .getAttribute("href");
  const receipt = await (await page.request.get(href!)).json();
  expect(receipt).toMatchObject({
    verificationId: purged.path.split("/").pop(),
    policyVersion: 0,
    // MarkID expired the unused link (its webhook said so): kept a year after that.
    retentionClass: "EXPIRED",
    markid: { attempts: 1 },
  });
  await expect(page.getByText("Evidence deleted (retention)")).toBeVisible();

  await page.goto(held.path);
  await expect(page.getByRole("heading", { name: "Greta Heldt" })).toBeVisible();
  await expect(page.getByText(`E2E-HOLD-${stamp}`).first()).toBeVisible();
  await expect(retention.getByText("On legal hold: kept until every hold is lifted.")).toBeVisible();
});
