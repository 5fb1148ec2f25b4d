import { expect, type Page } from "@playwright/test";
import { E2E_PASSWORDS } from "./constants";
import { STAFF_EMAILS } from "./staff";
import { enrolTwoFactor, nextCode } from "./two-factor";

export const STAFF = STAFF_EMAILS;

/** Signs a demo account in, through the code step (or two-factor setup for a new account). */
export async function signIn(page: Page, role: keyof typeof STAFF, loginPath = "/login"): Promise<void> {
  await signInWith(page, STAFF[role], E2E_PASSWORDS[role] ?? "", loginPath);
}

/** `loginPath` is the login page's address as a link would give it, e.g. with a ?callbackUrl=. */
async function signInWith(page: Page, email: string, password: string, loginPath = "/login"): Promise<void> {
  await page.goto(loginPath);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Three ways on: the code step on the login page, the setup page for an account not enrolled yet, or
  // straight in where Settings make two-factor optional for the role.
  const codeField = page.getByLabel("Authentication code");
  await expect(codeField.or(page.getByRole("button", { name: "Sign out" })).first()).toBeVisible();
  if (page.url().includes("/account/two-factor")) {
    await enrolTwoFactor(page, email);
    await page.getByRole("link", { name: "I have saved them, continue" }).click();
  } else if (await codeField.isVisible()) {
    await codeField.fill(await nextCode(email));
    await page.getByRole("button", { name: "Verify" }).click();
  }
  await expect(page).not.toHaveURL(/\/login|\/account\/two-factor/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
