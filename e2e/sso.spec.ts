import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_OIDC, E2E_OIDC_PORT, E2E_PORT, E2E_SECRETS } from "./support/constants";
import { startIdp, type Idp } from "./support/oidc-idp";
import { signIn } from "./support/session";

// Single sign-on through a real OpenID Connect provider in this process, which the e2e server's OIDC_ISSUER
// names: next-auth's real flow (discovery, PKCE, state, nonce, code, signed ID token, userinfo), no mock.
let idp: Idp;
test.beforeAll(async () => {
  idp = await startIdp({
    port: E2E_OIDC_PORT,
    clientId: E2E_OIDC.OIDC_CLIENT_ID,
    clientSecret: E2E_SECRETS.OIDC_CLIENT_SECRET,
    redirectUri: `http://localhost:${E2E_PORT}/api/auth/callback/oidc`,
  });
});
test.afterAll(() => idp.stop());

function person(login: string, name: string, groups: string[], emailVerified = true) {
  idp.people.set(login, { email: `${login}@bank.test`, emailVerified, name, groups });
}

/** The login page's button, then the IdP's own login and consent forms, as a person would. */
async function ssoSignIn(page: Page, login: string): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

const header = (page: Page) => page.getByRole("banner");

test("a person in mapped groups signs in through the IdP, gets an account with the highest role, and no local 2FA", async ({
  page,
}) => {
  person("ana", "Ana Lead", ["marketing", "kyc-officers", "kyc-leads"]);
  await ssoSignIn(page, "ana");
  // Team leads must use our two-factor sign-in with a password; through the IdP, its second factor counts.
  await expect(page).toHaveURL(`http://localhost:${E2E_PORT}/`);
  await expect(header(page)).toContainText("Ana Lead");
  await expect(header(page)).toContainText("Team lead");
  await page.goto("/metrics");
  await expect(page).toHaveURL(/\/metrics$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a person in no mapped group is refused with a page that says why", async ({ page }) => {
  person("mo", "Mo Marketing", ["marketing"]);
  await ssoSignIn(page, "mo");
  await expect(page).toHaveURL(/\/login\?error=SsoNoRole/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "none of the groups that give access",
  );
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("an unverified email is refused", async ({ page }) => {
  person("uv", "Una Verified", ["kyc-officers"], false);
  await ssoSignIn(page, "uv");
  await expect(page).toHaveURL(/\/login\?error=SsoEmailUnverified/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("did not confirm your email address");
});

test("a role changed at the IdP applies at the next sign-in; deactivation in the back office wins over the IdP", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  person("dana", "Dana Sso", ["kyc-ops"]);
  const first = await freshPage(browser);
  await ssoSignIn(first, "dana");
  await expect(header(first)).toContainText("Operations");

  // The IdP moves her to the officers' group: her next sign-in takes the new role and ends the old session.
  person("dana", "Dana Sso", ["kyc-officers"]);
  const second = await freshPage(browser);
  await ssoSignIn(second, "dana");
  await expect(header(second)).toContainText("Compliance officer");
  await first.goto("/");
  await expect(first).toHaveURL(/\/login/);

  await signIn(page, "ADMIN");
  await page.goto("/admin/staff");
  const row = page.getByRole("row", { name: /Dana Sso/ });
  await row.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");

  // Still in the IdP's group, still signed in there: the back office says no.
  const third = await freshPage(browser);
  await ssoSignIn(third, "dana");
  await expect(third).toHaveURL(/\/login\?error=SsoInactive/);
  await expect(third.getByRole("main").getByRole("alert")).toContainText("deactivated");
  await second.goto("/");
  await expect(second).toHaveURL(/\/login/);
});
