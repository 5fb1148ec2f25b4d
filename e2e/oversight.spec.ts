import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { parseCsv, unzip } from "../tests/support/unzip";
import { signIn } from "./support/session";

async function save(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return readFile((await (download as Download).path())!);
}

test("a lead filters the list, exports it as CSV with progress, and the export is audited", async ({
  page,
}) => {
  await signIn(page, "LEAD");
  await page.getByLabel("Search").fill("Amelia");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\?q=Amelia/);
  await expect(page.getByRole("link", { name: "Amelia Brook" })).toBeVisible();
  await expect(page.getByText(/^1 verification/)).toBeVisible();

  const csv = await save(page, () => page.getByRole("button", { name: "Export CSV" }).click());
  await expect(page.getByRole("status").filter({ hasText: "Saved: 1 row ·" })).toBeVisible();
  const [header, ...rows] = parseCsv(csv.subarray(3).toString("utf8"));
  expect(header?.slice(0, 3)).toEqual(["id", "scanRef", "clientId"]);
  expect(rows).toHaveLength(1);
  expect(rows[0]?.[3]).toBe("Amelia Brook");

  await page.goto("/admin/audit?action=export.verifications_csv");
  await expect(page.getByRole("cell", { name: "export.verifications_csv" }).first()).toBeVisible();
});

test("a lead downloads a verification's evidence pack: a ZIP with its manifest", async ({ page }) => {
  await signIn(page, "LEAD");
  await page.getByRole("link", { name: "Jonas Petraitis" }).first().click();
  const zip = await save(page, () => page.getByRole("link", { name: "Download evidence pack" }).click());
  const entries = await unzip(zip);
  const manifest = JSON.parse(entries.find((e) => e.name === "manifest.json")!.data.toString("utf8"));
  expect(manifest.verification.clientId).toBe("CL-10002");
  expect(manifest.audit.events.at(-1).action).toBe("export.evidence_pack");
  await expect(page.getByText("Evidence pack exported")).toBeVisible();
  // A download that cannot be made answers the browser's navigation with a page that says why.
  const missing = await page.goto("/api/exports/evidence/00000000-0000-4000-8000-000000000000");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the verification" })).toBeVisible();
});

test("a lead answers a subject access request: the client's verifications in one ZIP, or nothing held", async ({
  page,
}) => {
  await signIn(page, "LEAD");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Subject access" }).click();
  await page.getByLabel("Client ID").fill("CL-10002");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByText(/held for client ID CL-10002\.$/)).toBeVisible();
  const zip = await save(page, () =>
    page.getByRole("button", { name: "Download subject access export" }).click(),
  );
  const entries = await unzip(zip);
  const summary = JSON.parse(entries.find((e) => e.name === "summary.json")!.data.toString("utf8"));
  expect(summary).toMatchObject({ clientId: "CL-10002", held: true });
  const manifests = entries.filter((e) => e.name.endsWith("/manifest.json"));
  expect(manifests).toHaveLength(summary.count);
  for (const m of manifests)
    expect(JSON.parse(m.data.toString("utf8")).verification.clientId).toBe("CL-10002");

  await page.getByLabel("Client ID").fill("NOBODY-E2E");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page.getByRole("heading", { name: "Nothing held for this client ID" })).toBeVisible();
  const answer = await unzip(
    await save(page, () => page.getByRole("button", { name: "Download the “nothing held” answer" }).click()),
  );
  expect(answer.map((e) => e.name)).toEqual(["summary.json", "summary.txt"]);
  await page.goto("/admin/audit?action=export.subject_access");
  await expect(page.getByRole("cell", { name: "export.subject_access" })).toHaveCount(2);
});

test("the audit page signs and checks the chain, and the metrics page draws its charts", async ({ page }) => {
  await signIn(page, "LEAD");
  await page.goto("/admin/audit");
  await page.getByRole("button", { name: "Write a checkpoint" }).click();
  // The workers' own checkpoint at start may come after the sign-in: either answer means a signed head.
  await expect(
    page.getByText(
      /^(Checkpoint \d+ signed the chain up to row \d+|Nothing was added since checkpoint \d+.*)\.$/,
    ),
  ).toBeVisible();
  await page.getByRole("button", { name: "Check the chain" }).click();
  await expect(
    page.getByText(/^Intact: [\d,]+ rows?\. Anchored up to row \d+ by checkpoint \d+ of /),
  ).toBeVisible();
  await page.getByRole("link", { name: "Metrics" }).first().click();
  await expect(page.getByRole("heading", { name: "Verifications per day by outcome" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Verifications per day by outcome" })).toBeVisible();
});

test("an officer has neither exports nor metrics", async ({ page }) => {
  await signIn(page, "OFFICER");
  await expect(page.getByRole("heading", { name: "Verifications" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Export CSV" })).toHaveCount(0);
  const res = await page.request.get("/api/exports/verifications");
  expect(res.status()).toBe(403);
  await page.goto("/metrics");
  await expect(page.getByRole("heading", { name: "Metrics" })).toHaveCount(0);
});
