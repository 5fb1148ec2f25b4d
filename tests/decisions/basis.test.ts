// Decisions rest on the checklist and on the decider's training, checked inside the decision transaction.
import { beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { DEFAULT_RULEBOOK } from "@/lib/rulebook/default-template";
import type { RulebookContent } from "@/lib/rulebook/schema";
import { caseWith, passEveryItem, REASON, staffMember, type Staff } from "../support/case-fixtures";
import { inEnglish } from "../support/in-english";

let apply: typeof import("@/lib/decisions/apply");
let db: ReturnType<typeof import("@/lib/db").getDb>;
let officer: Staff;
let lead: Staff;
let admin: Staff;

beforeAll(async () => {
  apply = await import("@/lib/decisions/apply");
  db = (await import("@/lib/db")).getDb();
  [officer, lead, admin] = await Promise.all([
    staffMember("OFFICER"),
    staffMember("LEAD"),
    staffMember("ADMIN"),
  ]);
});

const run = <T>(fn: (tx: Tx) => Promise<{ value: T }>) =>
  inEnglish(db.$transaction(async (tx) => (await fn(tx)).value));
const decide = (who: string, id: string, outcome: "APPROVE" | "REJECT") =>
  run((tx) => apply.applyDecision(tx, who, id, { outcome, reason: REASON[outcome] }));
const review = (who: string, id: string, decisionId: string) =>
  run((tx) => apply.applySecondReview(tx, who, id, decisionId, { verdict: "confirm" }));
const decisionOf = (verificationId: string) => db.decision.findFirstOrThrow({ where: { verificationId } });

/** Publishes the next rulebook version, as the settings page does. */
async function publish(change: (c: RulebookContent) => RulebookContent) {
  const { getCurrentRulebook } = await import("@/lib/rulebook/current");
  const current = await getCurrentRulebook();
  return db.rulebookVersion.create({
    data: { version: current.version + 1, content: change(current.content) },
  });
}

describe("approval rests on the checklist", () => {
  it("is refused, naming the items, until every required check has passed", async () => {
    const c = await caseWith({ media: ["VIDEO"] });
    await passEveryItem(c.id, officer.id, ["document_valid", "security_features_tilted"]);
    await expect(decide(officer.id, c.id, "APPROVE")).rejects.toThrow(
      "Approval needs every required check passed. Not yet passed: Optical security features seen under tilt, Document is valid.",
    );
    expect(await db.decision.count({ where: { verificationId: c.id } })).toBe(0);
  });

  it("counts not applicable as not passed, but lets other outcomes through without the checklist", async () => {
    const c = await caseWith({ media: ["VIDEO"] });
    await passEveryItem(c.id, officer.id);
    await db.checklistAnswer.update({
      where: { verificationId_itemKey: { verificationId: c.id, itemKey: "consent_recorded" } },
      data: { result: "NOT_APPLICABLE" },
    });
    await expect(decide(officer.id, c.id, "APPROVE")).rejects.toThrow(/Not yet passed: Consent to recording/);
    expect(await decide(officer.id, c.id, "REJECT")).toBe(true);
  });

  it("stores the rulebook version and a snapshot of the answers, marks and qualification", async () => {
    const c = await caseWith({ media: ["VIDEO"] });
    const rulebook = await passEveryItem(c.id, officer.id);
    await db.checklistAnswer.update({
      where: { verificationId_itemKey: { verificationId: c.id, itemKey: "face_matches_photo" } },
      data: { note: "ears match", markMediaId: c.media.VIDEO!, markSeconds: 42 },
    });
    await decide(officer.id, c.id, "APPROVE");
    const d = await decisionOf(c.id);
    expect(d.rulebookVersionId).toBe(rulebook.id);
    const snapshot = d.checklistSnapshot as Array<Record<string, unknown>>;
    expect(snapshot).toHaveLength(DEFAULT_RULEBOOK.checklist.length);
    expect(snapshot.find((i) => i.key === "face_matches_photo")).toEqual({
      key: "face_matches_photo",
      label: "Face matches the document photo",
      required: true,
      result: "PASS",
      choice: null,
      note: "ears match",
      markMediaId: c.media.VIDEO,
      markSeconds: 42,
      answeredById: officer.id,
    });
    expect(snapshot.find((i) => i.key === "security_features_tilted")).toMatchObject({
      choice: "3 of 4 seen",
    });
    expect(d.qualificationSnapshot).toEqual({ required: null, held: null });

    // Later edits to the answers and the rulebook leave the decision as it was made.
    await db.checklistAnswer.deleteMany({ where: { verificationId: c.id } });
    const v2 = await publish((content) => ({ ...content, checklist: content.checklist.slice(1) }));
    const { getVerificationDetail } = await import("@/lib/verifications/detail");
    const detail = await getVerificationDetail({ id: lead.id, role: "LEAD" } as never, c.id);
    expect(v2.version).toBeGreaterThan(rulebook.version);
    expect(detail.decisions[0]).toMatchObject({ rulebookVersion: rulebook.version });
    expect(detail.decisions[0]!.checklist).toHaveLength(DEFAULT_RULEBOOK.checklist.length);
  });
});

describe("only qualified staff decide when the rulebook says so", () => {
  it("refuses deciding and second review without a valid qualification, and records the one in force", async () => {
    await publish((content) => ({
      ...content,
      requiredQualification: { decide: "VideoIdent agent", secondReview: "VideoIdent lead" },
    }));
    const c = await caseWith({ media: ["VIDEO"] });
    await expect(decide(officer.id, c.id, "REJECT")).rejects.toThrow(
      /valid “VideoIdent agent” qualification/,
    );
    const grant = (staffUserId: string, name: string, validUntil: Date | null) =>
      db.qualification.create({
        data: { staffUserId, name, validUntil, evidence: "course", grantedById: admin.id },
      });
    await grant(officer.id, "VideoIdent agent", new Date(Date.now() - 86_400_000));
    await expect(decide(officer.id, c.id, "REJECT")).rejects.toThrow(/qualification/);
    const valid = await grant(officer.id, "VideoIdent agent", new Date(Date.now() + 86_400_000));
    expect(await decide(officer.id, c.id, "REJECT")).toBe(true);
    const d = await decisionOf(c.id);
    expect(d.qualificationSnapshot).toEqual({
      required: "VideoIdent agent",
      held: { id: valid.id, name: "VideoIdent agent", validUntil: valid.validUntil!.toISOString() },
    });

    await expect(review(lead.id, c.id, d.id)).rejects.toThrow(/valid “VideoIdent lead” qualification/);
    expect((await decisionOf(c.id)).state).toBe("PENDING_SECOND_REVIEW");
    const leadQual = await grant(lead.id, "VideoIdent lead", null);
    await review(lead.id, c.id, d.id);
    expect((await decisionOf(c.id)).qualificationSnapshot).toMatchObject({
      required: "VideoIdent agent",
      review: { required: "VideoIdent lead", held: { id: leadQual.id, validUntil: null } },
    });

    // A revoked qualification no longer counts.
    await db.qualification.update({ where: { id: valid.id }, data: { revokedAt: new Date() } });
    const next = await caseWith({ media: ["VIDEO"] });
    await expect(decide(officer.id, next.id, "REJECT")).rejects.toThrow(/qualification/);
  });
});
