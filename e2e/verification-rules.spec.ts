import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";

test("a second open verification for the same Client ID is refused with a clear message", async ({
  page,
}) => {
  await signIn(page, "OFFICER");
  const clientId = `DUP-${Date.now()}`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await page.goto("/verifications/new");
    await page.getByLabel("Client ID").fill(clientId);
    await page.getByRole("button", { name: "Create verification" }).click();
    if (attempt === 0) await expect(page.getByRole("button", { name: "Start video call" })).toBeVisible();
  }
  await expect(page.getByText("This client already has an open verification.").first()).toBeVisible();
  await expect(page.getByLabel("Client ID")).toHaveAttribute("aria-invalid", "true");
});

test("operations staff see a verification's status but not its recordings", async ({ page }) => {
  await signIn(page, "OPS");
  await page
    .getByRole("link", { name: /Amelia Brook|CL-10001/ })
    .first()
    .click();
  await expect(page.getByRole("region", { name: "Recordings" })).toContainText("not the recordings");
  await expect(page.getByRole("button", { name: "Start video call" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
});
