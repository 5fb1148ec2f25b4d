import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PAGES, type Access } from "@/lib/auth/access-map";
import { can, ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { completeCall, createCase, decide, passEveryCheck } from "./support/case-journey";
import { signIn } from "./support/session";

// axe on every page of the access map, as every role that may see it, with cases in several stages: a link
// just sent, recordings awaiting a decision, a decision awaiting its second review. Serious and critical
// violations fail. One browser context per role, signed in once.
test.describe.configure({ mode: "serial" });

const cases: Record<string, string> = {};

const allowed = (role: Role, access: Access) =>
  "permission" in access ? can(role, access.permission) : true;

async function axe(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${where}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function signedIn(browser: Browser, role: Role) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role);
  return { context, page };
}

test("cases in several stages, as an officer makes them", async ({ browser }) => {
  test.setTimeout(240_000);
  const { context, page } = await signedIn(browser, "OFFICER");
  const stamp = Date.now();
  cases.linkSent = await createCase(page, {
    clientId: `A11Y-LINK-${stamp}`,
    firstName: "Lina",
    lastName: "Link",
  });
  await page.goto("/");
  cases.awaitingDecision = await createCase(page, {
    clientId: `A11Y-REC-${stamp}`,
    firstName: "Rui",
    lastName: "Rec",
  });
  await completeCall(page, context);
  // The call is over: the panel says so, and another call needs a confirmation, from the keyboard too.
  await expect(
    page.getByRole("region", { name: "Video call" }).getByText(/^Call finished at \d\d:\d\d\.$/),
  ).toBeVisible();
  await page.getByRole("button", { name: "Start another call" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Start another video call?" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  // Call history shows our own link and its state, never MarkID's call address.
  const history = page.getByRole("region", { name: "Call history" });
  await expect(history.getByText(/no longer needed|live|replaced/)).toBeVisible();
  await expect(history).not.toContainText("/call/");
  // The photos shown were read, each audited; the timeline folds the officer's reads into one line.
  await page.reload();
  const reads = page.getByRole("region", { name: "Timeline" }).locator("details");
  await expect(reads.locator("summary")).toContainText(/^Viewed face, front(, back)?/);
  await reads.locator("summary").click();
  await expect(reads.getByText("Recording viewed").first()).toBeVisible();

  await page.goto("/");
  cases.secondReview = await createCase(page, {
    clientId: `A11Y-4EYES-${stamp}`,
    firstName: "Vera",
    lastName: "Four",
  });
  await completeCall(page, context);
  await passEveryCheck(page);
  await decide(page, "Approve", "Accessibility walk.");
  await expect(page.getByText("Your decision waits for a second reviewer")).toBeVisible();
  await context.close();
});

for (const role of ROLES) {
  test(`every page ${role.toLowerCase()} may see has no serious accessibility violations`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const { context, page } = await signedIn(browser, role);
    const found: string[] = [];
    for (const [route, access] of Object.entries(PAGES)) {
      if ("public" in access || !allowed(role, access)) continue;
      const paths = route.includes("[id]") ? Object.values(cases) : [route];
      for (const path of paths) {
        const response = await page.goto(path);
        // An officer does not see a colleague's case (none here) and the mailbox is development-only.
        if (response?.status() === 404 && route === "/dev/mailbox") continue;
        await page.waitForLoadState("networkidle");
        found.push(...(await axe(page, `${role} ${path}`)));
      }
    }
    expect(found).toEqual([]);
    await context.close();
  });
}

test("the pages outside the app shell: an invitation link that does not work", async ({ page }) => {
  await page.goto("/invite/not-a-real-token");
  expect(await axe(page, "/invite/[token]")).toEqual([]);
});

test("the review page at 200% zoom keeps its main column and has landmarks", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 640, height: 450 } });
  const page = await context.newPage();
  await signIn(page, "OFFICER");
  await page.goto(cases.awaitingDecision!);
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeAttached();
  for (const name of ["Video call", "Recordings", "Checklist", "Decision", "Timeline"])
    await expect(page.getByRole("region", { name, exact: true })).toBeAttached();
  // Half of a 1280-pixel window: nothing in the main column is wider than the window, so nothing is cut off.
  const overflow = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    const wide = [...main.querySelectorAll<HTMLElement>("section, form, video, img, table")]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((el) => el.getAttribute("aria-labelledby") ?? el.tagName.toLowerCase());
    return { scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth, wide };
  });
  expect(overflow).toEqual({ scroll: 0, wide: [] });
  await page.getByRole("radio", { name: "Approve" }).scrollIntoViewIfNeeded();
  await expect(page.getByRole("radio", { name: "Approve" })).toBeInViewport();
  // Keyboard focus is always visible: the focused control draws an outline.
  await page.getByRole("radio", { name: "Approve" }).focus();
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
  await context.close();
});
