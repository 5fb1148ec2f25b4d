import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";

test("a request carrying x-middleware-subrequest cannot reach protected pages", async ({ page, request }) => {
  // CVE-2025-29927: this header once made Next skip middleware. The checks live in the data layer too.
  const header = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
  const anonymous = await request.get("/admin/staff", { headers: header, maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(anonymous.status());
  expect(anonymous.headers().location).toMatch(/\/login/);

  await signIn(page, "OPS");
  const ops = await page.request.get("/admin/staff", { headers: header });
  expect(ops.status()).toBe(403);
  const media = await page.request.get("/api/media/00000000-0000-4000-8000-000000000000", {
    headers: header,
  });
  expect(media.status()).toBe(403);
});

test("a server action replayed from a foreign Origin is refused", async ({ page }) => {
  await signIn(page, "OFFICER");
  await page.goto("/verifications/new");
  await page.getByLabel("Client ID").fill(`ORIGIN-${Date.now()}`);
  await page.getByRole("button", { name: "Create verification" }).click();
  await expect(page.getByRole("button", { name: "Start video call" })).toBeVisible();

  const note = `note-${Date.now()}`;
  await page.getByLabel("Add a note").fill(note);
  const [action] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    page.getByRole("button", { name: "Add note" }).click(),
  ]);
  await expect(page.locator("p", { hasText: note })).toHaveCount(1);
  const replay = (origin: string) =>
    page.request.post(action.url(), {
      headers: { ...action.headers(), origin },
      data: action.postDataBuffer() ?? "",
    });

  // The same request from our own origin goes through: the replay itself is sound.
  await replay(new URL(page.url()).origin);
  await page.reload();
  await expect(page.locator("p", { hasText: note })).toHaveCount(2);

  const forged = await replay("https://attacker.example");
  expect(forged.ok()).toBe(false);
  await page.reload();
  await expect(page.locator("p", { hasText: note })).toHaveCount(2);
});
