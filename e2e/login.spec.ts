import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";

test("the login page has the fields staff expect and no serious accessibility violations", async ({
  page,
}) => {
  await page.goto("/login");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("an unauthenticated visit to the app redirects to the login page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a callbackUrl that browsers read as another site leads back into the app after a real sign-in", async ({
  page,
  baseURL,
}) => {
  // "/%09/evil.example" arrives as "/\t/evil.example"; a browser drops the tab and reads "//evil.example".
  await signIn(page, "OFFICER", "/login?callbackUrl=/%09/evil.example");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(page.url()).pathname).toBe("/");
});

test("a callbackUrl inside the app is where the sign-in leads", async ({ page }) => {
  await signIn(page, "OFFICER", `/login?callbackUrl=${encodeURIComponent("/verifications/new")}`);
  await expect(page).toHaveURL(/\/verifications\/new$/);
});
