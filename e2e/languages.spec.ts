import { expect, test } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import en from "../messages/en.json" with { type: "json" };
import lt from "../messages/lt.json" with { type: "json" };
import { signIn } from "./support/session";

// Staff read the back office in their language: the browser's until they choose one on their account page.
// Expected words come from the message files, so a rewording does not break the test but a missing
// translation (English shown to a Lithuanian) does.

test("a browser preferring German gets the sign-in page in German", async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { name: de.auth.login.title })).toBeVisible();
  await expect(page.getByRole("button", { name: de.auth.loginForm.signIn, exact: true })).toBeVisible();
  await context.close();
});

test("a Lithuanian officer chooses Lithuanian and works in it, forms and dates included", async ({
  page,
}) => {
  await signIn(page, "OFFICER");
  await page.goto("/account/two-factor");
  await page.getByLabel(en.account.language.label).selectOption("lt");
  await page.getByRole("button", { name: en.account.language.save }).click();
  // The answer already speaks the chosen language.
  await expect(page.getByRole("status").filter({ hasText: lt.account.language.saved })).toBeVisible();

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "lt");
  const nav = page.getByRole("navigation", { name: lt.shell.nav.label });
  await expect(nav.getByRole("link", { name: lt.shell.nav.verifications })).toBeVisible();
  await expect(nav.getByRole("link", { name: en.shell.nav.verifications })).toHaveCount(0);
  // Dates in Lithuanian order (2026-12-06 …), not the English "6 Dec 2026".
  await expect(page.locator("main table time").first()).toHaveText(/^\d{4}-\d\d-\d\d/);

  // A form refused in Lithuanian, under its field too.
  await page.goto("/verifications/new");
  await page.getByRole("button", { name: lt.verifications.form.submit }).click();
  await expect(page.getByText(lt.common.errors.checkFields)).toBeVisible();

  // Back to the browser's language (English here), so other tests see the account as seeded.
  await page.goto("/account/two-factor");
  await page.getByLabel(lt.account.language.label).selectOption("browser");
  await page.getByRole("button", { name: lt.account.language.save }).click();
  await expect(page.getByRole("status").filter({ hasText: en.account.language.savedBrowser })).toBeVisible();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
