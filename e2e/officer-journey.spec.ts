import { expect, test } from "@playwright/test";
import { completeCall, createCase, decide, passEveryCheck } from "./support/case-journey";
import { signIn, signOut } from "./support/session";

test("an officer verifies a client over a video call and a lead confirms the approval", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const clientId = `E2E-${Date.now()}`;

  await signIn(page, "OFFICER");
  await createCase(page, { clientId, firstName: "Erika", lastName: "Mustermann" });
  await expect(page.getByRole("heading", { name: "Erika Mustermann" })).toBeVisible();

  // The client's side on the sandbox; the webhook, the job and the archive run on their own.
  await completeCall(page, context);
  const recordings = page.getByRole("region", { name: "Recordings" });
  await expect(recordings.getByRole("img", { name: "Document front" })).toBeVisible();
  await expect(recordings.getByRole("img", { name: "Document back" })).toBeVisible();
  for (const name of ["Face photo", "Document front", "Document back"]) {
    const image = recordings.getByRole("img", { name });
    // Visible comes before loaded: wait for the bytes to arrive and decode.
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
        message: `${name} decodes`,
      })
      .toBe(true);
  }

  // The video plays and seeks: the media route answers Range requests.
  const video = recordings.locator("video").first();
  const seeked = await video.evaluate(async (v: HTMLVideoElement) => {
    if (v.readyState < 1) await new Promise((r) => v.addEventListener("loadedmetadata", r, { once: true }));
    const target = Math.min(1, v.duration / 2);
    v.currentTime = target;
    await new Promise((r) => v.addEventListener("seeked", r, { once: true }));
    return { duration: v.duration, currentTime: v.currentTime, target };
  });
  expect(seeked.duration).toBeGreaterThan(1);
  expect(seeked.currentTime).toBeCloseTo(seeked.target, 1);

  // The checklist: nothing approves until every required check has passed.
  await expect(page.getByRole("radio", { name: "Approve" })).toBeDisabled();
  await expect(page.getByText(/Approval needs every required check passed/)).toBeVisible();
  await passEveryCheck(page);
  const checklist = page.getByRole("region", { name: "Checklist" });
  const formOf = (label: string) =>
    checklist.locator("form").filter({ has: page.getByRole("group", { name: label }) });

  // Two marks on the video: the consent at the second the player shows, the face comparison at the start.
  const seekTo = (seconds: number) =>
    video.evaluate(async (v: HTMLVideoElement, s) => {
      v.pause();
      v.currentTime = s;
      await new Promise((r) => v.addEventListener("seeked", r, { once: true }));
    }, seconds);
  const consentForm = formOf("Consent to recording given at the start");
  await seekTo(1);
  await consentForm.getByRole("button", { name: "Mark at 00:01" }).click();
  await expect(consentForm.getByRole("button", { name: "Play call recording from 00:01" })).toBeVisible();
  await seekTo(0);
  const faceForm = formOf("Face matches the document photo");
  await faceForm.getByRole("button", { name: "Mark at 00:00" }).click();
  await expect(faceForm.getByRole("button", { name: "Play call recording from 00:00" })).toBeVisible();
  // A mark seeks the player back to its second.
  await consentForm.getByRole("button", { name: "Play call recording from 00:01" }).click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => Math.floor(v.currentTime))).toBe(1);

  await decide(page, "Approve", "Face matches the document; answers consistent.");
  // The form gives way to the pending decision, which the decider cannot confirm.
  await expect(page.getByText("waiting for second review")).toBeVisible();
  await expect(page.getByText("you cannot confirm it yourself")).toBeVisible();
  const verificationUrl = page.url();
  await signOut(page);

  await signIn(page, "LEAD");
  await page.goto(verificationUrl);
  // The lead sees the officer's answers and marks and confirms each check before the decision.
  await expect(page.getByRole("button", { name: "Play call recording from 00:01" }).first()).toBeVisible();
  for (const confirm of await page.getByRole("radio", { name: "Confirm" }).all()) await confirm.check();
  await page.getByRole("button", { name: "Confirm decision" }).click();
  await expect(page.getByText("Approve · final")).toBeVisible();
  await expect(page.getByText("reviewed by Liam Lead")).toBeVisible();
  await expect(page.locator("main header").getByText("approved", { exact: true })).toBeVisible();

  // The rules change afterwards; the decision still names the version it was made under.
  const madeUnder = Number(
    /v(\d+)/.exec(
      (await page
        .getByText(/Checklist under rulebook v\d+/)
        .first()
        .textContent()) ?? "",
    )?.[1],
  );
  expect(madeUnder).toBeGreaterThan(0);
  await signOut(page);
  await signIn(page, "ADMIN");
  await page.goto("/admin/settings");
  // A harmless change (a help text) that later specs do not feel.
  const help = page.getByLabel("Help for the officer").first();
  await help.fill(`${await help.inputValue()} (Reviewed in e2e.)`);
  await page.getByRole("button", { name: /Save as version/ }).click();
  const savedAs = page.getByText(/Saved as rulebook version \d+/);
  await expect(savedAs).toBeVisible();
  const published = Number(/version (\d+)/.exec((await savedAs.textContent()) ?? "")?.[1]);
  expect(published).toBeGreaterThan(madeUnder);
  await signOut(page);
  await signIn(page, "LEAD");
  await page.goto(verificationUrl);
  await expect(page.getByText(`Checklist under rulebook v${madeUnder}`)).toBeVisible();
});

test("an officer without the qualification the rulebook requires is not offered the decision", async ({
  page,
}) => {
  /** Publishes the next rulebook version from Settings with this qualification required to decide. */
  async function requireToDecide(name: string) {
    await signIn(page, "ADMIN");
    await page.goto("/admin/settings");
    await page.getByLabel("Qualification required to decide").fill(name);
    await page.getByRole("button", { name: /Save as version/ }).click();
    await expect(page.getByText(/Saved as rulebook version/)).toBeVisible();
    await signOut(page);
  }

  await requireToDecide("VideoIdent agent");
  await signIn(page, "OFFICER");
  await page.getByRole("link", { name: "New verification" }).click();
  await page.getByLabel("Client ID").fill(`E2E-UNQUALIFIED-${Date.now()}`);
  await page.getByRole("button", { name: "Create verification" }).click();
  await expect(
    page.getByText("Only staff with a valid “VideoIdent agent” qualification may decide"),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  await signOut(page);
  // Back to no requirement, for the specs that follow.
  await requireToDecide("");
});
