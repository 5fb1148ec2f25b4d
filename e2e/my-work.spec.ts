import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createCase } from "./support/case-journey";
import { E2E_ENV_FILE } from "./support/constants";
import { signIn, signOut } from "./support/session";

// The officer's desk end to end: with automatic assignment on, an available officer receives the cases, My
// work lists them most urgent first, and j/k/Enter move through them and open one; a lead sees the clocks.

/** Moves a case's creation back, as if it had waited that long: its first stage's clock runs from there. */
async function backdate(caseId: string, minutes: number): Promise<void> {
  const env = JSON.parse(await readFile(E2E_ENV_FILE, "utf8")) as Record<string, string>;
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `UPDATE verifications SET "createdAt" = "createdAt" - make_interval(mins => $2) WHERE id = $1`,
      [caseId, minutes],
    );
  } finally {
    await client.end();
  }
}

async function setAutoAssign(page: Page, on: boolean): Promise<void> {
  await signIn(page, "ADMIN");
  await page.goto("/admin/settings");
  const desk = page.getByRole("region", { name: "Assignment and stage targets" });
  await desk.getByRole("checkbox", { name: /Assign cases automatically/ }).setChecked(on);
  await expect(desk.getByLabel("Created")).toHaveValue("60");
  await desk.getByRole("button", { name: "Save" }).click();
  await expect(desk.getByRole("status")).toHaveText("Saved.");
  await signOut(page);
}

test("an available officer receives cases and works them by urgency from the keyboard", async ({ page }) => {
  test.setTimeout(240_000);
  await setAutoAssign(page, true);
  try {
    await signIn(page, "OFFICER");
    await page.getByLabel("Availability").selectOption("AVAILABLE");
    await page.getByRole("button", { name: "Set", exact: true }).click();
    await expect(page.locator("#availability-status")).toHaveText("Saved.");

    const stamp = Date.now();
    const ids: Record<string, string> = {};
    for (const name of ["fresh", "late", "soon"]) {
      await page.goto("/");
      const path = await createCase(page, { clientId: `DESK-${name}-${stamp}` });
      ids[name] = path.split("/").at(-1)!;
      // Handed out by the desk (audited with its cause), not taken by the creator.
      await expect(page.getByText("Case assigned").first()).toBeVisible();
    }
    // The first stage's target is an hour, due soon in its last 20%: 2 hours is overdue, 55 minutes due soon.
    await backdate(ids.late!, 120);
    await backdate(ids.soon!, 55);

    await page.getByRole("link", { name: "My work" }).click();
    const list = page.getByRole("list", { name: "My cases, most urgent first" });
    const items = list.getByRole("link");
    const mine = (name: string) => items.filter({ hasText: `DESK-${name}-${stamp}` });
    await expect(mine("late")).toContainText("Overdue");
    await expect(mine("soon")).toContainText("Due soon");
    const titles = (await items.allTextContents()).filter((t) => t.includes(`-${stamp}`));
    expect(titles.map((t) => /DESK-(\w+)-/.exec(t)?.[1])).toEqual(["late", "soon", "fresh"]);
    await expect(mine("late")).toContainText("Start the video call and send the client the link");

    // j and k move the one tab stop; the selection is marked for assistive technology too.
    await expect(items.first()).toContainText(`DESK-late-${stamp}`);
    await page.locator("h1").click();
    await page.keyboard.press("j");
    await expect(mine("late")).toBeFocused();
    await expect(mine("late")).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("j");
    await expect(mine("soon")).toBeFocused();
    await expect(mine("soon")).toHaveAttribute("aria-current", "true");
    await expect(mine("late")).not.toHaveAttribute("aria-current", "true");
    await expect(mine("late")).toHaveAttribute("tabindex", "-1");
    await page.keyboard.press("k");
    await expect(mine("late")).toBeFocused();
    await page.keyboard.press("j");
    await expect(mine("soon")).toHaveAttribute("tabindex", "0");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/verifications/${ids.soon}$`));
    await signOut(page);

    // A lead sees the clocks: the overdue case in the filtered list and counted on /metrics.
    await signIn(page, "LEAD");
    await page.goto("/?clock=overdue");
    await expect(page.getByRole("link", { name: `DESK-late-${stamp}` })).toBeVisible();
    await expect(page.getByRole("link", { name: `DESK-soon-${stamp}` })).toHaveCount(0);
    await page.goto("/metrics");
    const created = page
      .getByRole("region", { name: "Stage clocks now" })
      .getByRole("row", { name: /^Created/ });
    await expect(created.getByRole("cell").nth(2)).not.toHaveText("0");
    await signOut(page);
  } finally {
    await setAutoAssign(page, false);
  }
});
