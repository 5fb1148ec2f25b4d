// The checklist action as a form calls it, signed in through a real session cookie.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setSessionCookie } from "../support/next-headers-mock";
import { caseWith, form, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let answer: typeof import("@/lib/checklist/actions").answerChecklistItem;
let db: ReturnType<typeof import("@/lib/db").getDb>;
let officer: Staff;
let other: Staff;

beforeAll(async () => {
  answer = (await import("@/lib/checklist/actions")).answerChecklistItem;
  db = (await import("@/lib/db")).getDb();
  [officer, other] = await Promise.all([staffMember("OFFICER"), staffMember("OFFICER")]);
  setSessionCookie(await sessionCookieFor(officer));
});

const saved = (verificationId: string) =>
  db.checklistAnswer.findMany({ where: { verificationId }, orderBy: { itemKey: "asc" } });
const audits = (targetId: string) =>
  db.auditEvent.findMany({ where: { targetId, action: "checklist.answered" }, orderBy: { id: "asc" } });

describe("answerChecklistItem", () => {
  it("saves an answer with a note and a mark on the video, audited without the note's text", async () => {
    const c = await caseWith({ createdById: officer.id, media: ["VIDEO", "FACE_PHOTO"] });
    const note = "Client Erika M. showed the card at the window";
    const state = await answer(
      c.id,
      {},
      form({ itemKey: "consent_recorded", result: "PASS", note, mark: `${c.media.VIDEO}@83` }),
    );
    expect(state).toMatchObject({ ok: true });
    const [row] = await saved(c.id);
    expect(row).toMatchObject({ result: "PASS", note, markMediaId: c.media.VIDEO, markSeconds: 83 });
    const [event] = await audits(c.id);
    expect(event!.details).toEqual({
      itemKey: "consent_recorded",
      rulebookVersion: 1,
      result: "PASS",
      choice: null,
      markMediaId: c.media.VIDEO,
      markSeconds: 83,
      hasNote: true,
    });
    expect(JSON.stringify(event!.details)).not.toContain("Erika");

    // A change of result keeps the mark; "clear" removes it; a photo can be pinned instead.
    await answer(c.id, {}, form({ itemKey: "consent_recorded", result: "FAIL", note: "" }));
    expect((await saved(c.id))[0]).toMatchObject({ result: "FAIL", note: null, markSeconds: 83 });
    await answer(c.id, {}, form({ itemKey: "consent_recorded", result: "FAIL", mark: c.media.FACE_PHOTO! }));
    expect((await saved(c.id))[0]).toMatchObject({ markMediaId: c.media.FACE_PHOTO, markSeconds: null });
    await answer(c.id, {}, form({ itemKey: "consent_recorded", result: "FAIL", mark: "clear" }));
    expect((await saved(c.id))[0]).toMatchObject({ markMediaId: null, markSeconds: null });
  });

  it("derives a choice item's result from the choice", async () => {
    const c = await caseWith({ createdById: officer.id });
    const choose = (choice: string) =>
      answer(c.id, {}, form({ itemKey: "security_features_tilted", choice }));
    await choose("2 of 4 seen");
    expect((await saved(c.id))[0]).toMatchObject({ result: "FAIL", choice: "2 of 4 seen" });
    await choose("4 of 4 seen");
    expect((await saved(c.id))[0]).toMatchObject({ result: "PASS", choice: "4 of 4 seen" });
    expect(await choose("5 of 4 seen")).toMatchObject({
      ok: false,
      fieldErrors: { choice: [expect.any(String)] },
    });
  });

  it("refuses marks that do not belong to the case or do not fit the recording", async () => {
    const c = await caseWith({ createdById: officer.id, media: ["VIDEO", "FACE_PHOTO"] });
    const elsewhere = await caseWith({ media: ["VIDEO"] });
    const mark = (value: string) =>
      answer(c.id, {}, form({ itemKey: "face_matches_photo", result: "PASS", mark: value }));
    expect(await mark(`${elsewhere.media.VIDEO}@5`)).toMatchObject({
      ok: false,
      message: /not part of this verification/,
    });
    expect(await mark(`${c.media.FACE_PHOTO}@5`)).toMatchObject({ ok: false, message: /Only a video/ });
    expect(await mark(`${c.media.VIDEO}@-5`)).toMatchObject({
      ok: false,
      fieldErrors: { mark: [expect.any(String)] },
    });
    expect(await mark(c.media.VIDEO!)).toMatchObject({ ok: false, message: /moment of the video/ });
    expect(await saved(c.id)).toEqual([]);
    expect(await audits(c.id)).toEqual([]);
  });

  it("answers only open cases the officer may act on, and a hidden case as not found", async () => {
    const closed = await caseWith({ createdById: officer.id });
    await db.verification.update({ where: { id: closed.id }, data: { status: "APPROVED" } });
    const refused = await answer(closed.id, {}, form({ itemKey: "document_valid", result: "PASS" }));
    expect(refused).toMatchObject({ ok: false, message: /closed/ });
    const theirs = await caseWith({ createdById: other.id, assigneeId: other.id });
    expect(await answer(theirs.id, {}, form({ itemKey: "document_valid", result: "PASS" }))).toMatchObject({
      notFound: true,
    });
    expect(await answer(closed.id, {}, form({ itemKey: "no_such_item", result: "PASS" }))).toMatchObject({
      ok: false,
    });
    expect([...(await saved(closed.id)), ...(await saved(theirs.id))]).toEqual([]);
  });

  it("shows one officer's answers to the next one who opens the case", async () => {
    const c = await caseWith({ createdById: officer.id });
    await answer(c.id, {}, form({ itemKey: "document_valid", result: "NOT_APPLICABLE", note: "n/a" }));
    const { getChecklist } = await import("@/lib/checklist/queries");
    const { answers } = await getChecklist(c.id);
    expect(answers).toEqual([
      expect.objectContaining({
        itemKey: "document_valid",
        result: "NOT_APPLICABLE",
        answeredBy: officer.name,
      }),
    ]);
  });
});
