import { expect, test, type Locator, type Page } from "@playwright/test";
import { completeCall, createCase, decide, passEveryCheck } from "./support/case-journey";
import { captureAction, replayAction } from "./support/forged-action";
import { signIn, signOut } from "./support/session";

// The second line of defence end to end: an approval drawn for QA, cleared by a lead with the keyboard alone
// (disagreeing and reopening it), then read by an auditor who can tell who decided, on what, and whether it was
// checked, and who can change none of it.

/** As the admin: four-eyes for every decision on or off, and the share of approvals QA draws (%). */
async function setPolicy(page: Page, policy: { fourEyes: boolean; approveShare: string }): Promise<string> {
  await signIn(page, "ADMIN");
  await page.goto("/admin/settings");
  const fourEyes = page.getByRole("region", { name: "Four-eyes review" });
  await fourEyes.getByRole("checkbox").setChecked(policy.fourEyes);
  await fourEyes.getByRole("button", { name: "Save" }).click();
  await expect(fourEyes.getByRole("status")).toContainText("rulebook version");
  const qa = page.getByRole("region", { name: "QA sampling and risk signals" });
  const previous = await qa.getByLabel("Approve").inputValue();
  await qa.getByLabel("Approve").fill(policy.approveShare);
  await qa.getByRole("button", { name: "Save" }).click();
  await expect(qa.getByRole("status")).toHaveText("Saved.");
  await signOut(page);
  return previous;
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);
/** The focus ring the stylesheet draws for keyboard focus: an outline that is there and not transparent. */
const focusRing = (target: Locator) =>
  target.evaluate((el) => {
    const style = getComputedStyle(el);
    return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  });

test("a lead QA-reviews an approval by keyboard, and an auditor reads who decided and who checked", async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  // Every approval is drawn, and approvals are final at once: with four-eyes the lead would be the second
  // reviewer, who may not QA the same decision, and the e2e stack has one lead.
  const defaultShare = await setPolicy(page, { fourEyes: false, approveShare: "100" });

  await signIn(page, "OFFICER");
  const casePath = await createCase(page, { clientId: `QA-${Date.now()}` });
  const caseId = casePath.split("/").at(-1)!;
  await completeCall(page, context);
  await passEveryCheck(page);
  await decide(page, "Approve", "Face and document match.");
  await expect(page.getByText("Approve · final")).toBeVisible();
  const qaPanel = page.getByRole("region", { name: "Quality assurance" });
  await expect(qaPanel).toContainText("Waiting for QA review.");
  await signOut(page);

  // The lead, keyboard only from here until the review is recorded.
  await signIn(page, "LEAD");
  await page.goto("/qa");
  let presses = 0;
  let typed = 0;
  const press = async (key: string) => {
    presses++;
    await page.keyboard.press(key);
  };
  const type = async (text: string) => {
    typed += text.length;
    await page.keyboard.type(text);
  };
  const review = page.locator(`a[href^="/verifications/${caseId}?qa=1"]`);
  await expect(review).toHaveText("Review approve");
  for (let i = 0; i < 60 && !(await isFocused(review)); i++) await press("Tab");
  expect(await isFocused(review), "the case's review link is reached with Tab").toBe(true);
  expect(await focusRing(review), "the focused link shows a focus ring").toBe(true);
  await press("Enter");

  // Arriving from the queue, the verdict takes the focus; arrows choose, Tab moves on, Space ticks.
  await expect(page).toHaveURL(new RegExp(`${casePath}\\?qa=1`));
  const form = page.getByRole("form", { name: "QA review" });
  await expect(form.getByRole("radio", { name: "Agree with the decision" })).toBeFocused();
  await press("ArrowDown");
  await expect(form.getByRole("radio", { name: "Disagree" })).toBeChecked();
  await press("Tab");
  const reason = form.getByLabel("Reason for disagreeing");
  await expect(reason).toBeFocused();
  for (let i = 0; i < 3; i++) await press("ArrowDown");
  await expect(reason).toHaveValue("The outcome should have been different");
  await press("Tab");
  await expect(form.getByLabel("Comment")).toBeFocused();
  await type("The document photo is not the person on the call.");
  await press("Tab");
  const reopen = form.getByRole("checkbox", { name: /Reopen the case for a new decision/ });
  await expect(reopen).toBeFocused();
  await press("Space");
  await expect(reopen).toBeChecked();
  await press("Tab");
  const submit = form.getByRole("button", { name: "Record QA review" });
  await expect(submit).toBeFocused();
  expect(await focusRing(submit), "the focused button shows a focus ring").toBe(true);
  await press("Enter");
  await expect(qaPanel).toContainText("Disagreed — Liam Lead");
  await expect(qaPanel).toContainText("The case was reopened for a new decision.");
  test.info().annotations.push({
    type: "key presses",
    description: `${presses + typed} (${presses} to move, choose and submit; ${typed} typing the comment)`,
  });
  await signOut(page);

  // The officer's next decision on the reopened case, held back for the auditor to send.
  await signIn(page, "OFFICER");
  await page.goto(casePath);
  const forged = await captureAction(page, casePath, () => decide(page, "Reject", "Sent by the auditor."));
  await page.goto("/");
  await signOut(page);

  await signIn(page, "AUDITOR");
  expect((await page.goto(casePath))?.status()).toBe(200);
  // Who decided, on what: the officer's approval, its reason, the rulebook version and the checklist answers.
  const decision = page.getByRole("region", { name: "Decision", exact: true }).getByRole("listitem").first();
  await expect(decision).toContainText("Approve · final · QA-disputed");
  await expect(decision).toContainText("Olivia Officer");
  await decision.getByText(/Checklist under rulebook v\d+/).click();
  await expect(decision).toContainText("Face matches the document photo:");
  await expect(decision).toContainText("Optical security features seen under tilt:4 of 4 seen");
  // Was it checked: the QA verdict, its reviewer and reason.
  await expect(qaPanel).toContainText("Disagreed — Liam Lead");
  await expect(qaPanel).toContainText("The outcome should have been different");
  for (const control of ["Record decision", "Claim verification", "Record QA review", "Add note"]) {
    await expect(page.getByRole("button", { name: control })).toHaveCount(0);
  }
  await expect(page.getByRole("radio")).toHaveCount(0);
  const refused = await replayAction(page, forged);
  expect(refused.status()).toBeLessThan(500);
  await page.reload();
  await expect(page.getByText("Sent by the auditor.")).toHaveCount(0);
  await signOut(page);

  // The control: the officer's own request is recorded, so the refusal above was the auditor's.
  await signIn(page, "OFFICER");
  await page.goto(casePath);
  expect((await replayAction(page, forged)).ok()).toBe(true);
  await page.reload();
  await expect(page.getByText("Sent by the auditor.")).toBeVisible();
  await signOut(page);

  // Back to the e2e stack's policy for the specs that follow.
  await setPolicy(page, { fourEyes: true, approveShare: defaultShare });
});
