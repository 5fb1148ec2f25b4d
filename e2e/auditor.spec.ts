import { expect, test, type Request } from "@playwright/test";
import { signIn, signOut } from "./support/session";

// The read-only auditor (seeded without a scope, so it sees every case): it reads a case and its evidence and
// finds nothing that changes it; a decision forged from an officer's real request is refused and writes nothing.
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

  // The officer's decision, as the form sends it, held back from the server: only the auditor will send it.
  let captured: Request | undefined;
  await page.route(casePath, async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"])
      return route.fallback();
    captured = route.request();
    await route.abort();
  });
  await page.getByRole("radio", { name: "Reject" }).check();
  await page.getByLabel("Reason").selectOption({ index: 1 });
  await page.getByLabel("Comment").fill("Forged by the auditor test.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute(casePath);
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
  await expect(page.getByRole("button", { name: "Download evidence pack" })).toBeVisible();

  // Without the officer's own Cookie header, which an intercepted request carries: the replay must go out
  // with the session of whoever sends it.
  const request = captured!;
  const { cookie: _officers, ...headers } = request.headers();
  const replay = async () =>
    page.request.post(request.url(), {
      headers: { ...headers, origin: new URL(page.url()).origin },
      data: request.postDataBuffer() ?? "",
    });
  const forged = await replay();
  expect(forged.status()).toBeLessThan(500);
  test.info().annotations.push({ type: "forged decision", description: `HTTP ${forged.status()}` });
  await page.reload();
  // Still the auditor's page (a replayed officer's cookie would have signed it out), and no decision.
  await expect(page.getByRole("button", { name: "Download evidence pack" })).toBeVisible();
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
