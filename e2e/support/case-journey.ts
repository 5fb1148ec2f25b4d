import { expect, type BrowserContext, type Page } from "@playwright/test";

// The steps that bring a case to a decidable state, as an officer takes them in the browser.

/** Creates a verification as the signed-in officer; resolves once its page shows, to that page's path. */
export async function createCase(
  page: Page,
  client: { clientId: string; firstName?: string; lastName?: string },
): Promise<string> {
  await page.getByRole("link", { name: "New verification" }).click();
  await page.getByLabel("Client ID").fill(client.clientId);
  if (client.firstName) await page.getByLabel("First name").fill(client.firstName);
  if (client.lastName) await page.getByLabel("Last name").fill(client.lastName);
  await expect(page.getByLabel("Take photos during the call")).toBeChecked();
  await page.getByRole("button", { name: "Create verification" }).click();
  await expect(page.getByRole("button", { name: "Start video call" })).toBeVisible();
  return new URL(page.url()).pathname;
}

/**
 * Starts the video call, finishes it on the sandbox's call page as the client would, and waits for the
 * webhook, the job and the archive to bring the recordings onto the officer's page without a reload.
 */
export async function completeCall(page: Page, context: BrowserContext): Promise<void> {
  await page.getByRole("button", { name: "Start video call" }).click();
  const link = page.getByLabel("Video call link");
  await expect(link).toBeVisible();
  const client = await context.newPage();
  await client.goto(await link.inputValue());
  await client.getByRole("button", { name: "Finish call — success" }).click();
  await expect(client.getByRole("status")).toContainText("The call has ended");
  // Left open: closing it hung Playwright for minutes in one CI run (page.close() never returned); the
  // context's teardown closes it, and the officer's page keeps polling meanwhile.
  const recordings = page.getByRole("region", { name: "Recordings" });
  await expect(recordings.getByRole("img", { name: "Face photo" })).toBeVisible({ timeout: 60_000 });
}

const PASS_ITEMS = [
  "Consent to recording given at the start",
  "Face matches the document photo",
  "Document data matches the application",
  "Document is valid",
  "Whole call recorded without interruption",
];

/** Answers every check of the starting rulebook as passed, waiting for each answer to be saved. */
export async function passEveryCheck(page: Page): Promise<void> {
  const checklist = page.getByRole("region", { name: "Checklist" });
  const item = (label: string) => checklist.getByRole("group", { name: label });
  const saved = (label: string) =>
    expect(
      // `has` is matched inside each form, so it is rooted at the page, not at the checklist.
      checklist
        .locator("form")
        .filter({ has: page.getByRole("group", { name: label }) })
        .getByRole("status"),
    ).toHaveText("Saved.");
  for (const label of PASS_ITEMS) {
    await item(label).getByRole("radio", { name: "Pass" }).check();
    await saved(label);
  }
  const optical = "Optical security features seen under tilt";
  await item(optical).getByRole("combobox").selectOption("4 of 4 seen");
  await saved(optical);
}

/** Records a decision through the form and its confirmation dialog, with the first reason offered. */
export async function decide(page: Page, outcome: "Approve" | "Reject", comment: string): Promise<void> {
  await page.getByRole("radio", { name: outcome }).check();
  await page.getByLabel("Reason").selectOption({ index: 1 });
  await page.getByLabel("Comment", { exact: true }).fill(comment);
  await page.getByRole("button", { name: "Record decision" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
}
