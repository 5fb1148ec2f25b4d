import { expect, test } from "@playwright/test";
import { sandboxControl } from "./support/sandbox";
import { signIn } from "./support/session";

test.afterEach(() => sandboxControl({ action: "reset", verifications: false }));

async function createVerification(page: import("@playwright/test").Page, clientId: string) {
  await page.goto("/verifications/new");
  await page.getByLabel("Client ID").fill(clientId);
  await page.getByRole("button", { name: "Create verification" }).click();
}

test("MarkID down while creating: a clear message, and no verification is written", async ({ page }) => {
  await signIn(page, "OFFICER");
  await sandboxControl({ action: "fail", kind: "5xx", path: "/api/v2/token", count: 1 });
  const clientId = `DOWN-${Date.now()}`;
  await createVerification(page, clientId);
  await expect(page.getByRole("status").getByText(/MarkID had an internal error/)).toBeVisible();
  await expect(page.getByLabel("Client ID")).toHaveValue(clientId);
  await page.goto("/");
  await expect(page.getByText(clientId)).toHaveCount(0);

  // Once MarkID is back, the same form succeeds: nothing half-written blocks it.
  await createVerification(page, clientId);
  await expect(page.getByRole("button", { name: "Start video call" })).toBeVisible();
});

test("out of credits is explained as such, not as a login problem", async ({ page }) => {
  await signIn(page, "OFFICER");
  await sandboxControl({ action: "credits", credits: 0 });
  await createVerification(page, `CREDITS-${Date.now()}`);
  await expect(page.getByRole("status").getByText(/run out of verification credits/i)).toBeVisible();
  await sandboxControl({ action: "credits", credits: null });
});

test("MarkID slow to start a call: a timeout message and the attempt kept in the call history", async ({
  page,
}) => {
  await signIn(page, "OFFICER");
  await createVerification(page, `SLOW-${Date.now()}`);
  await expect(page.getByRole("button", { name: "Start video call" })).toBeVisible();
  await sandboxControl({ action: "fail", kind: "hang", path: "/api/v2/video-call", count: 1 });
  await page.getByRole("button", { name: "Start video call" }).click();
  await expect(page.getByRole("status").getByText(/did not answer in time/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel("Video call link")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Call history" }).getByText("Could not start")).toBeVisible();
});
