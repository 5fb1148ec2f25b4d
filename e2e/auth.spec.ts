import { expect, test, type Browser, type Page } from "@playwright/test";
import { NAV_ITEMS } from "../components/shell/nav-items";
import { can } from "../lib/auth/permissions";
import en from "../messages/en.json" with { type: "json" };
import { signIn, signOut, STAFF } from "./support/session";
import { inviteLinkIn, waitForMail } from "./support/mailbox";
import { enrolTwoFactor, nextCode } from "./support/two-factor";

test.describe.configure({ mode: "serial" });

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/**
 * One admin asks for the invitation, a second approves it on the Staff page, and the link arrives by email
 * (the e2e server has a mail catcher, so no admin ever sees it). Leaves the second admin signed in.
 */
async function inviteWithApproval(page: Page, email: string, name: string, role: string): Promise<string> {
  await signIn(page, "ADMIN");
  await page.goto("/admin/staff");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`Invitation for ${email} requested.`)).toBeVisible();
  await expect(page.getByLabel("Invitation link")).toHaveCount(0);
  const waiting = page.getByRole("list", { name: "Requests waiting for approval" }).getByRole("listitem");
  const mine = waiting.filter({ hasText: email });
  await expect(mine).toContainText("Another administrator must approve it.");
  await expect(mine.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, "ADMIN2");
  await page.goto("/admin/staff");
  const request = waiting.filter({ hasText: email });
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(`Approved. Invitation emailed to ${email}.`)).toBeVisible();
  await expect(page.getByLabel("Invitation link")).toHaveCount(0);
  return inviteLinkIn(await waitForMail(email, 1));
}

async function acceptInvite(browser: Browser, url: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel("New password").fill("too-short");
  await page.getByLabel("Repeat the password").fill("too-short");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("The password must be at least 12 characters long.")).toBeVisible();
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/login\?invited=1/);
  await expect(page.getByText("Your password is set")).toBeVisible();
  // The link is spent.
  await page.goto(url);
  await expect(page.getByText("This link is not valid any more")).toBeVisible();
  await page.getByRole("link", { name: "Go to sign-in" }).click();
  await expect(page.getByLabel("Email")).toBeVisible();
  return page;
}

test("every response carries the security headers, with a fresh script nonce", async ({ request }) => {
  const login = await request.get("/login");
  const csp = login.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  for (const directive of [
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(await login.text()).toContain(`nonce="${nonce}"`);
  const again = await request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);

  const redirect = await request.get("/admin/staff", { maxRedirects: 0 });
  const api = await request.get("/api/auth/csrf");
  for (const response of [login, redirect, api]) {
    const h = response.headers();
    expect(h["content-security-policy"]).toContain("default-src 'self'");
    expect(h["strict-transport-security"]).toContain("max-age=");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
  }
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()["location"]).toContain("/login?callbackUrl=%2Fadmin%2Fstaff");
});

test("a wrong password is refused with a message that names no cause", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(STAFF.LEAD);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Email or password is not correct")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

for (const role of ["OFFICER", "LEAD", "OPS", "ADMIN"] as const) {
  test(`${role.toLowerCase()} sees the navigation of the role`, async ({ page }) => {
    // Whatever pages colleagues add, the menu must be exactly what the permission map grants.
    const expected = NAV_ITEMS.filter((item) => can(role, item.permission)).map(
      (item) => en.shell.nav[item.label],
    );
    expect(expected.includes("Staff")).toBe(role === "ADMIN");
    expect(expected.includes("Verifications")).toBe(role !== "ADMIN");
    await signIn(page, role);
    await expect(mainNav(page).getByRole("link")).toHaveText(expected);
    if (role !== "ADMIN") {
      const response = await page.goto("/admin/staff");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
  });
}

test("a new admin must set up two-factor sign-in first, then signs in with codes", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const email = `admin-${Date.now()}@example.test`;
  const password = "Quartz-harbour-lamp-58";
  const link = await inviteWithApproval(page, email, "Second Admin", "Administrator");

  const invited = await acceptInvite(browser, link, password);
  await invited.getByLabel("Email").fill(email);
  await invited.getByLabel("Password").fill(password);
  await invited.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(invited).toHaveURL(/\/account\/two-factor/);
  // Nothing else opens until it is done.
  await invited.goto("/admin/staff");
  await expect(invited).toHaveURL(/\/account\/two-factor/);
  const codes = await enrolTwoFactor(invited, email);
  expect(codes).toHaveLength(10);
  await invited.getByRole("link", { name: "I have saved them, continue" }).click();
  await expect(invited).toHaveURL(/\/admin\/staff/);
  await expect(mainNav(invited).getByRole("link", { name: "Staff" })).toBeVisible();
  await signOut(invited);

  // The password alone is not enough now.
  await invited.getByLabel("Email").fill(email);
  await invited.getByLabel("Password").fill(password);
  await invited.getByRole("button", { name: "Sign in", exact: true }).click();
  const code = invited.getByLabel("Authentication code");
  await expect(code).toBeVisible();
  await code.fill("000000");
  await invited.getByRole("button", { name: "Verify" }).click();
  await expect(invited.getByText("That code did not work")).toBeVisible();
  await code.fill(await nextCode(email));
  await invited.getByRole("button", { name: "Verify" }).click();
  await expect(mainNav(invited).getByRole("link", { name: "Staff" })).toBeVisible();
  await signOut(invited);

  // A recovery code works once.
  await invited.getByLabel("Email").fill(email);
  await invited.getByLabel("Password").fill(password);
  await invited.getByRole("button", { name: "Sign in", exact: true }).click();
  await invited.getByLabel("Authentication code").fill(codes[0]!);
  await invited.getByRole("button", { name: "Verify" }).click();
  await expect(mainNav(invited).getByRole("link", { name: "Staff" })).toBeVisible();
  await invited.context().close();
});

test("an admin invites an officer, who sets a password, signs in, and is signed out by deactivation", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const email = `officer-${Date.now()}@example.test`;
  const password = "Velvet-canyon-drum-31";
  const link = await inviteWithApproval(page, email, "Nora New", "Compliance officer");
  await expect(page.getByRole("row", { name: /Nora New/ })).toContainText("Invited");

  const officer = await acceptInvite(browser, link, password);
  // Officers too must set up two-factor sign-in before anything else.
  await officer.getByLabel("Email").fill(email);
  await officer.getByLabel("Password").fill(password);
  await officer.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(officer).toHaveURL(/\/account\/two-factor/);
  await officer.goto("/");
  await expect(officer).toHaveURL(/\/account\/two-factor/);
  await enrolTwoFactor(officer, email);
  await officer.getByRole("link", { name: "I have saved them, continue" }).click();
  await expect(mainNav(officer).getByRole("link", { name: "Verifications" })).toBeVisible();
  await expect(mainNav(officer).getByRole("link", { name: "Staff" })).toHaveCount(0);

  await page.reload();
  const row = page.getByRole("row", { name: /Nora New/ });
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");

  // Her cookie is still valid, but the database says no.
  await officer.goto("/");
  await expect(officer).toHaveURL(/\/login/);
  await officer.context().close();
});
