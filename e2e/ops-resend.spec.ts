import { expect, test } from "@playwright/test";
import { linkIn, waitForMail } from "./support/mailbox";
import { SANDBOX_URL, sandboxControl } from "./support/sandbox";
import { signIn, signOut } from "./support/session";

test("OPS resends an expired link by email: the old link says replaced, the new one leads to MarkID", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const clientId = `E2E-RESEND-${Date.now()}`;
  const email = `client-${Date.now()}@example.test`;

  // An officer creates the verification and emails the client its start link.
  await signIn(page, "OFFICER");
  await page.getByRole("link", { name: "New verification" }).click();
  await page.getByLabel("Client ID").fill(clientId);
  await page.getByLabel("First name").fill("Erika");
  await page.getByLabel("Last name").fill("Mustermann");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Create verification" }).click();
  await expect(page.getByRole("heading", { name: "Erika Mustermann" })).toBeVisible();
  const verificationUrl = page.url();
  const scanRef = (await page.locator("dl > div", { hasText: "scanRef" }).locator("dd").innerText()).trim();

  const links = page.getByRole("region", { name: "Client links" });
  await links.getByLabel("Send by").selectOption("EMAIL");
  await expect(links.getByLabel("Recipient email")).toHaveValue(email);
  await links.getByRole("button", { name: "Send link" }).click();
  await expect(links.getByText(`Link emailed to ${email}.`)).toBeVisible();
  const first = await waitForMail(email, 1);
  expect(first.subject).toContain("identity verification link");
  const oldUrl = linkIn(first);
  await signOut(page);

  // MarkID expires the unused token; its webhook marks the verification expired.
  await sandboxControl({ action: "expireToken", scanRef });

  await signIn(page, "OPS");
  await page.getByRole("link", { name: "Link queue" }).click();
  await expect(page.getByRole("heading", { name: "Link queue" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: clientId });
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("Expired, not completed", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Resend selected (1)" }).click();
  await expect(page.getByText("1 of 1 done")).toBeVisible();
  await expect(page.getByRole("list", { name: "Resend results" })).toContainText(`Link emailed to ${email}.`);
  const newUrl = linkIn(await waitForMail(email, 2));
  expect(newUrl).not.toBe(oldUrl);

  // The client's side, without any staff session.
  const client = await (await browser.newContext()).newPage();
  await client.goto(oldUrl);
  await expect(client.getByRole("heading", { name: /replaced/ })).toBeVisible();
  expect(await client.content()).not.toContain(SANDBOX_URL);

  const answer = await request.get(newUrl, { maxRedirects: 0 });
  expect(answer.status()).toBe(303);
  expect(answer.headers().location).toContain(`${SANDBOX_URL}/api/v2/redirect?authToken=`);
  await client.goto(newUrl);
  await expect(client).toHaveURL(new RegExp(`^${SANDBOX_URL}/call/`));
  await client.context().close();

  // Staff see the renewal and every step of the links on the verification.
  await page.goto(verificationUrl);
  const timeline = page.getByRole("region", { name: "Timeline" });
  for (const label of [
    "MarkID token renewed",
    "Client link replaced by a newer one",
    "Client link emailed",
    "Client opened the link",
  ]) {
    await expect(timeline.getByText(label).first()).toBeVisible();
  }
  await expect(page.locator("dl > div", { hasText: "scanRef" }).locator("dd")).not.toHaveText(scanRef);
});
