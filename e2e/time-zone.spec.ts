import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";

// Dates in the reader's zone: the browser's until they choose one, with the UTC offset on hover.
test("an officer reads dates in the browser's zone, then in the one they choose", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "Asia/Kolkata" });
  const page = await context.newPage();
  await signIn(page, "OFFICER");
  // The verification list: each case's creation time.
  const created = page.locator("main table time").first();
  // The first visit tells the server the browser's zone and the page draws again in it (Chromium may
  // name the zone by its older alias).
  await expect(created).toHaveAttribute(
    "title",
    /^UTC\+05:30 \(Asia\/(Kolkata|Calcutta)\) · \d{4}-\d\d-\d\dT/,
  );
  await expect(created).not.toContainText("UTC");

  await page.goto("/account/two-factor");
  await page.getByLabel("Show dates in").selectOption("America/New_York");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.goto("/");
  await expect(page.locator("main table time").first()).toHaveAttribute(
    "title",
    /^UTC-0[45]:00 \(America\/New_York\)/,
  );

  // Back to the browser's zone, so other tests see the account as seeded.
  await page.goto("/account/two-factor");
  await page.getByLabel("Show dates in").selectOption("browser");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await context.close();
});
