import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signIn } from "./support/session";

// The bank's API through the real Next server and proxy.ts: an admin creates a key on the page and sees it once,
// a system without any cookie creates and reads a verification with it and lists changes, the description is
// public, and once revoked on the page the key is refused.
test("an admin creates a key; a system uses it through Next until it is revoked", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "ADMIN");
  await page.goto("/admin/api-keys");
  const form = page.getByRole("form", { name: "Create an API key" });
  const name = `Core banking ${Date.now()}`;
  await form.getByLabel("Name").fill(name);
  await form.getByRole("checkbox", { name: /verification:create/ }).check();
  await form.getByRole("checkbox", { name: /verification:read/ }).check();
  await form.getByLabel("IP allowlist (optional)").fill("not-an-address");
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("Not an address or CIDR range: not-an-address")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue(name);
  await form.getByLabel("IP allowlist (optional)").fill("");
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("Copy it now: it is not shown again.")).toBeVisible();
  const key = (await form.getByText(/^mbo_/).innerText()).trim();
  expect(key).toMatch(/^mbo_[0-9a-f]{8}_/);

  const system = await playwrightRequest.newContext({ baseURL });
  const auth = { Authorization: `Bearer ${key}` };
  const described = await system.get("/api/v1/openapi.json");
  expect(described.status()).toBe(200);
  expect((await described.json()).openapi).toBe("3.1.0");
  const created = await system.post("/api/v1/verifications", {
    headers: auth,
    data: { clientId: `E2E-API-${Date.now()}`, photos: true },
  });
  expect(created.status(), await created.text()).toBe(201);
  expect(created.headers()["x-content-type-options"]).toBe("nosniff");
  const { id } = (await created.json()) as { id: string };
  const read = await system.get(`/api/v1/verifications/${id}`, { headers: auth });
  expect(await read.json()).toMatchObject({ id, status: "ACTIVE" });
  expect((await system.get("/api/v1/changes?limit=5", { headers: auth })).status()).toBe(200);
  const anonymous = await system.get(`/api/v1/verifications/${id}`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toBe("application/problem+json");

  const row = page.getByRole("row", { name: new RegExp(name) });
  await page.reload();
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) }).getByText(/^revoked/)).toBeVisible();
  const revoked = await system.get(`/api/v1/verifications/${id}`, { headers: auth });
  expect(revoked.status()).toBe(401);
  await system.dispose();
});
