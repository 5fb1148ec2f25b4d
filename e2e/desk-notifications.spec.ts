import { expect, type Page } from "@playwright/test";
import { test } from "@playwright/test";
import { completeCall, createCase } from "./support/case-journey";
import { signIn } from "./support/session";

// The bell follows a colleague's action without a reload, and opening a notice opens its case and marks it
// read; on the case, `?` lists every shortcut, `c` compares the photos, `v` and `d` move to the video and the
// decision, which is recorded from the keyboard through its confirmation; keys typed in a field stay text.

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications/ });
/** The unread count the bell announces in its name. */
async function unread(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute("aria-label")) ?? "";
  return Number(/(\d+) unread/.exec(name)?.[1] ?? 0);
}
const bellSays = (n: number) => (n ? `Notifications, ${n} unread` : "Notifications");

test("a colleague's decision rings my bell live; the case is decided from the keyboard", async ({
  page,
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "OFFICER");
  const clientId = `BELL-${Date.now()}`;
  const casePath = await createCase(page, { clientId });
  await completeCall(page, context);

  // The lead waits on the start page of another browser.
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, "LEAD");
  const before = await unread(lead);

  // `?` lists every shortcut, My work's included.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Compare the face photo and the document front side by side");
  await expect(help).toContainText("Move to the next case");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // `c`: both photos, enlarged, from the media route.
  await page.keyboard.press("c");
  const compare = page.getByRole("dialog", { name: "Face and document front" });
  for (const name of ["Face photo", "Document front"]) {
    const img = compare.getByRole("img", { name });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  }
  await page.keyboard.press("Escape");
  await expect(compare).toBeHidden();

  // `v`: the call recording takes the focus.
  await page.keyboard.press("v");
  await expect(page.locator("video[data-case-video]")).toBeFocused();

  // `d`: the decision form; Reject, a reason, a comment full of shortcut keys, the confirmation: keys only.
  await page.keyboard.press("d");
  const reject = page.getByRole("radio", { name: "Reject" });
  await expect(reject).toBeFocused();
  await page.keyboard.press("Space");
  await expect(reject).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Reason")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  const comment = page.getByLabel("Comment", { exact: true });
  await expect(comment).toBeFocused();
  await page.keyboard.type("cvd? document checked");
  await expect(comment).toHaveValue("cvd? document checked");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Record decision" })).toBeFocused();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Confirm decision" });
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(confirm.getByRole("button", { name: "Confirm" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your decision waits for a second reviewer")).toBeVisible();

  // The lead's bell, never reloaded, counts the request; its notice opens the case and is read from then on.
  await expect(bell(lead)).toHaveAccessibleName(bellSays(before + 1), { timeout: 20_000 });
  await bell(lead).click();
  const panel = lead.getByRole("region", { name: "Notifications" });
  const notice = panel.getByRole("link", {
    name: new RegExp(`A second review is requested from you.*${clientId}`),
  });
  await expect(notice).toContainText("Unread:");
  await notice.click();
  await expect(lead).toHaveURL(new RegExp(`${casePath}$`));
  await expect(lead.getByRole("button", { name: "Confirm decision" })).toBeVisible();
  // Overruling is asked once more, and Escape takes it back: nothing happened.
  await lead.getByRole("button", { name: "Overrule" }).focus();
  await lead.keyboard.press("Enter");
  const overrule = lead.getByRole("dialog", { name: "Overrule this decision?" });
  await expect(overrule).toBeVisible();
  await lead.keyboard.press("Escape");
  await expect(overrule).toHaveCount(0);
  await expect(lead.getByRole("button", { name: "Confirm decision" })).toBeVisible();
  await expect(bell(lead)).toHaveAccessibleName(bellSays(before), { timeout: 20_000 });
  await bell(lead).click();
  await expect(panel.getByRole("link", { name: new RegExp(clientId) })).not.toContainText("Unread:");
  await lead.keyboard.press("Escape");
  // Confirmed in the dialog, the overrule reaches the server with the form's fields: here it answers that each
  // check needs a verdict first, and the decision still waits.
  await lead.getByRole("button", { name: "Overrule" }).click();
  await overrule.getByRole("button", { name: "Overrule" }).click();
  await expect(lead.getByText("Confirm or dispute each check.").first()).toBeVisible();
  await expect(lead.getByRole("button", { name: "Confirm decision" })).toBeVisible();
  await leadContext.close();
});
