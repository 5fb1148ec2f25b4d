import { expect, test } from "@playwright/test";
import { decide } from "./support/case-journey";
import { captureAction, replayAction } from "./support/forged-action";
import { signIn, signOut } from "./support/session";

// The read-only auditor (seeded without a scope, so it sees every case): it reads a case, its evidence and its
// notes and finds nothing that changes it; a decision forged from an officer's real request is refused and
// writes nothing.
test("an auditor reads a case, has no decision controls, and a forged decision is refused", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const clientId = `AUDIT-${Date.now()}`;
  await signIn(page, "OFFICER");
  await page.goto("/verifications/new");
  await page.getByLabel("Client ID").fill(clientId);
  await page.getByRole("button", { name: "Create verification" }).click();
  await expect(page.getByRole("button", { name: "Start video call" })).toBeVisible();
  const casePath = new URL(page.url()).pathname;

  const note = `Client asked to call back, ${clientId}.`;
  await page.getByLabel("Add a note").fill(note);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.locator("p", { hasText: note })).toBeVisible();

  // The officer's decision, as the form sends it, held back from the server: only the auditor will send it.
  const request = await captureAction(page, casePath, () =>
    decide(page, "Reject", "Forged by the auditor test."),
  );
  await page.goto("/");
  await signOut(page);

  await signIn(page, "AUDITOR");
  expect((await page.goto(casePath))?.status()).toBe(200);
  await expect(page.getByText(clientId).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Decision" })).toBeVisible();
  for (const control of [
    "Record decision",
    "Claim verification",
    "Add note",
    "Start video call",
    "Fetch recordings",
  ]) {
    await expect(page.getByRole("button", { name: control })).toHaveCount(0);
  }
  await expect(page.getByRole("radio", { name: "Reject" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Download evidence pack" })).toBeVisible();
  // The notes are read, not written: the officer's note is there, the form to add one is not.
  const notes = page.getByRole("region", { name: "Notes" });
  await expect(notes.locator("p", { hasText: note })).toBeVisible();
  await expect(notes.getByLabel("Add a note")).toHaveCount(0);

  const replay = () => replayAction(page, request);
  const forged = await replay();
  expect(forged.status()).toBeLessThan(500);
  test.info().annotations.push({ type: "forged decision", description: `HTTP ${forged.status()}` });
  await page.reload();
  // Still the auditor's page (a replayed officer's cookie would have signed it out), and no decision.
  await expect(page.getByRole("link", { name: "Download evidence pack" })).toBeVisible();
  await expect(page.getByText(/^Reject · /)).toHaveCount(0);
  await expect(page.getByText("Forged by the auditor test.")).toHaveCount(0);
  await signOut(page);

  // The control: the very same request, sent by the officer it was taken from, is recorded. So the refusal
  // above was the auditor's, not a malformed replay's.
  await signIn(page, "OFFICER");
  await page.goto(casePath);
  expect((await replay()).ok()).toBe(true);
  await page.reload();
  await expect(page.getByText(/^Reject · /)).toBeVisible();
});
