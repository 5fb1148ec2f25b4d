import { expect, test } from "@playwright/test";
import de from "../messages/de.json" with { type: "json" };
import en from "../messages/en.json" with { type: "json" };
import lt from "../messages/lt.json" with { type: "json" };
import { linkIn, waitForMail } from "./support/mailbox";
import { SANDBOX_URL, sandboxControl } from "./support/sandbox";
import { signIn, signOut } from "./support/session";

// Staff read the back office in their language: the browser's until they choose one on their account page.
// Expected words come from the message files, so a rewording does not break the test but a missing
// translation (English shown to a Lithuanian) does.

test("a browser preferring German gets the sign-in page in German", async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveTitle(new RegExp(`^${de.auth.login.title} · `));
  await expect(page.getByLabel(de.auth.loginForm.email)).toBeVisible();
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
  try {
    // The answer already speaks the chosen language.
    await expect(page.getByRole("status").filter({ hasText: lt.account.language.saved })).toBeVisible();

    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "lt");
    const nav = page.getByRole("navigation", { name: lt.shell.nav.label });
    await expect(nav.getByRole("link", { name: lt.shell.nav.verifications })).toBeVisible();
    await expect(nav.getByRole("link", { name: en.shell.nav.verifications })).toHaveCount(0);
    // Dates in Lithuanian order (2026-12-06 …), not the English "6 Dec 2026".
    await expect(page.locator("main table time").first()).toHaveText(/^\d{4}-\d\d-\d\d/);

    // A form the server refuses, in Lithuanian: the form's message and the field's own.
    await page.goto("/verifications/new");
    await page.getByLabel(lt.verifications.form.clientId).fill("su tarpais");
    await page.getByRole("button", { name: lt.verifications.form.submit }).click();
    await expect(page.getByText(lt.common.errors.checkFields)).toBeVisible();
    await expect(page.getByText(lt.verifications.fields.clientIdChars)).toBeVisible();
  } finally {
    // Back to the browser's language (English here), so other tests see the account as seeded.
    await page.goto("/account/two-factor");
    await page
      .locator("select")
      .filter({ has: page.locator('option[value="lt"]') })
      .selectOption("browser");
    await page
      .locator("form")
      .filter({ has: page.locator('option[value="lt"]') })
      .locator("button")
      .click();
    await expect(
      page.getByRole("status").filter({ hasText: en.account.language.savedBrowser }),
    ).toBeVisible();
  }
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

/** The locale of every MarkID token made for one client, oldest first (the sandbox's own record). */
async function tokenLocales(clientId: string): Promise<string[]> {
  const state = (await (await fetch(`${SANDBOX_URL}/__control/state`)).json()) as {
    verifications: { clientId: string; locale: string }[];
  };
  return state.verifications.filter((v) => v.clientId === clientId).map((v) => v.locale);
}

test("a German-speaking client gets a German email, a German call and German link pages", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const clientId = `E2E-DE-${Date.now()}`;
  const email = `kundin-${Date.now()}@example.test`;

  await signIn(page, "OFFICER");
  await page.getByRole("link", { name: "New verification" }).click();
  await page.getByLabel(en.verifications.form.clientId).fill(clientId);
  await page.getByLabel(en.verifications.form.firstName).fill("Erika");
  await page.getByLabel(en.verifications.form.lastName).fill("Mustermann");
  await page.getByLabel(en.verifications.form.email).fill(email);
  await page.getByLabel(en.verifications.form.clientLanguage).selectOption("de");
  await page.getByRole("button", { name: en.verifications.form.submit }).click();
  await expect(page.getByRole("heading", { name: "Erika Mustermann" })).toBeVisible();
  const scanRef = (await page.locator("dl > div", { hasText: "scanRef" }).locator("dd").innerText()).trim();
  // MarkID's token, so the call itself, is German.
  expect(await tokenLocales(clientId)).toEqual(["de"]);

  const links = page.getByRole("region", { name: "Client links" });
  await links.getByLabel("Send by").selectOption("EMAIL");
  await links.getByRole("button", { name: "Send link" }).click();
  await expect(links.getByText(`Link emailed to ${email}.`)).toBeVisible();
  const mail = await waitForMail(email, 1);
  const org = "MarkID Back Office";
  expect(mail.subject).toBe(de.linkEmail.subject.replace("{org}", org));
  expect(mail.text).toContain(de.linkEmail.greetingNamed.replace("{name}", "Erika Mustermann"));
  expect(mail.text).toContain(de.linkEmail.openToStart);
  expect(mail.text).not.toContain(en.linkEmail.openToStart);
  const oldUrl = linkIn(mail);

  // The token expires unused; a renewed link replaces the first, and the renewed token is German too.
  await sandboxControl({ action: "expireToken", scanRef });
  await expect(async () => {
    await page.reload();
    await links.getByLabel("Send by").selectOption("EMAIL");
    await links.getByRole("button", { name: "Send link" }).click();
    await expect(links.getByText(`Link emailed to ${email}.`)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await waitForMail(email, 2);
  expect(await tokenLocales(clientId)).toEqual(["de", "de"]);
  await signOut(page);

  // The client's browser asks for English; our page answers in the client's language all the same.
  const client = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await client.goto(oldUrl);
  await expect(client.locator("html")).toHaveAttribute("lang", "de");
  await expect(client.getByRole("heading", { name: de.linkPages.replaced.title })).toBeVisible();
  await client.context().close();
});
