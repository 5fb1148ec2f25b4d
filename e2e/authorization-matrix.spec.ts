import { expect, test } from "@playwright/test";
import { PAGES, ROUTES, type Access } from "@/lib/auth/access-map";
import { can, ROLES } from "@/lib/auth/permissions";
import { read, routes } from "../tests/authorization/inventory";
import { signIn, signOut } from "./support/session";

// Every page and route handler in the access map, for every role, over real HTTP. An id that does not exist
// tells the two answers apart: the permission check comes first, so a denied role gets 403 and an allowed
// one gets to the lookup (404) or the page (200).
const MISSING_ID = "00000000-0000-4000-8000-000000000000";
const concrete = (route: string) => route.replace(/\[[^\]]+\]/g, MISSING_ID);
const allowed = (role: (typeof ROLES)[number], access: Access) =>
  "permission" in access ? can(role, access.permission) : true;

for (const role of ROLES) {
  test(`${role.toLowerCase()} reaches exactly what the permission map allows`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, role);
    const seen: string[] = [];
    for (const [route, access] of Object.entries(PAGES)) {
      if ("public" in access) continue;
      const response = await page.goto(concrete(route));
      const status = response?.status() ?? 0;
      seen.push(`${route} ${status}`);
      if (allowed(role, access)) expect([200, 404], `${role} ${route}`).toContain(status);
      else expect(status, `${role} ${route}`).toBe(403);
    }
    const files = routes();
    for (const [route, access] of Object.entries(ROUTES)) {
      if ("public" in access) continue;
      for (const [, method] of read(files.get(route)!).matchAll(/export async function (GET|POST)\b/g)) {
        const url = concrete(route);
        const response =
          method === "GET" ? await page.request.get(url) : await page.request.post(url, { data: {} });
        const status = response.status();
        seen.push(`${method} ${route} ${status}`);
        // The bank's API takes an API key, never a session: every role's cookie is no credential there.
        if ("apiKey" in access) expect(status, `${role} ${method} ${route}`).toBe(401);
        // Allowed: past the check, to a real answer (even "not found" or "bad request"), never a denial.
        else if (allowed(role, access)) expect(status, `${role} ${method} ${route}`).not.toBe(403);
        else expect(status, `${role} ${method} ${route}`).toBe(403);
        expect(status, `${role} ${method} ${route}`).toBeLessThan(500);
      }
    }
    test.info().annotations.push({ type: "matrix", description: seen.join(", ") });
  });
}

// Per-record access over real HTTP: a case the lead created (and so is assigned to) is not the officer's, and
// the officer handed its URL gets exactly what a made-up id gets.
test("an officer handed a lead's case gets the same 404 as for an id that never existed", async ({
  page,
}) => {
  await signIn(page, "LEAD");
  await page.goto("/verifications/new");
  const clientId = `CROSS-${Date.now()}`;
  await page.getByLabel("Client ID").fill(clientId);
  await page.getByRole("button", { name: "Create verification" }).click();
  await expect(page.getByRole("button", { name: "Start video call" })).toBeVisible();
  const casePath = new URL(page.url()).pathname;
  const version = `/api/verifications/${casePath.split("/").at(-1)}/version`;
  expect((await page.request.get(version)).status()).toBe(200);
  await signOut(page);

  await signIn(page, "OFFICER");
  expect((await page.goto(casePath))?.status()).toBe(404);
  await expect(page.getByText(clientId)).toHaveCount(0);
  expect((await page.goto(concrete("/verifications/[id]")))?.status()).toBe(404);
  const refused = await page.request.get(version);
  const missing = await page.request.get(concrete("/api/verifications/[id]/version"));
  expect(refused.status()).toBe(404);
  expect(await refused.text()).toBe(await missing.text());
});
