import { expect, type Page } from "@playwright/test";
import { E2E_PASSWORDS } from "./constants";

export const STAFF = {
  OFFICER: "officer@demo.markid.local",
  LEAD: "lead@demo.markid.local",
  OPS: "ops@demo.markid.local",
  ADMIN: "admin@demo.markid.local",
} as const;

export async function signIn(page: Page, role: keyof typeof STAFF): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(STAFF[role]);
  await page.getByLabel("Password").fill(E2E_PASSWORDS[role] ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
