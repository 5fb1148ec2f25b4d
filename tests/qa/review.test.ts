// QA review through the action as the form posts it, on real PostgreSQL: sampling when a decision becomes
// final (at once or on four-eyes confirmation), refusals of one's own decisions, and reopening on disagreement.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Tx } from "@/lib/db";
import { setSessionCookie } from "../support/next-headers-mock";
import { caseWith, form, REASON, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";
import { ALWAYS, approved, decide, disagree, NEVER, NOW } from "./support";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type Apply = typeof import("@/lib/decisions/apply");
let apply: Apply;
let qa: typeof import("@/lib/qa/actions").recordQaReview;
let db: ReturnType<typeof import("@/lib/db").getDb>;
let officer: Staff;
let lead: Staff;
let otherLead: Staff;

beforeAll(async () => {
  apply = await import("@/lib/decisions/apply");
  qa = (await import("@/lib/qa/actions")).recordQaReview;
  db = (await import("@/lib/db")).getDb();
  [officer, lead, otherLead] = await Promise.all([
    staffMember("OFFICER"),
    staffMember("LEAD"),
    staffMember("LEAD"),
  ]);
});

// A disagreement with an approval queues the leads' emails (tests/qa/disagreement-mail.test.ts): pg-boss runs.
afterAll(async () => (await import("@/lib/jobs/boss")).stopBoss(1_000));

const as = async (who: Staff) => setSessionCookie(await sessionCookieFor(who));

describe("QA sampling when a decision becomes final", () => {
  it("draws by the seeded source: a FINAL decision sampled at 0 and not at 0.999", async () => {
    expect((await approved(officer, ALWAYS)).sample).toMatchObject({ reason: "RANDOM", reviewedAt: null });
    expect((await approved(officer, NEVER)).sample).toBeNull();
  });

  it("draws on four-eyes confirmation, and assigns neither the decider nor the confirming lead", async () => {
    const c = await caseWith({ media: ["VIDEO"] });
    await db.$transaction((tx: Tx) =>
      apply.applyDecision(tx, officer.id, c.id, { outcome: "REJECT", reason: REASON.REJECT }, { now: NOW }),
    );
    expect(await db.qaSample.count({ where: { verificationId: c.id } })).toBe(0);
    const decision = await db.decision.findFirstOrThrow({ where: { verificationId: c.id } });
    await db.$transaction((tx: Tx) =>
      apply.applySecondReview(tx, lead.id, c.id, decision.id, { verdict: "confirm" }, ALWAYS),
    );
    const sample = await db.qaSample.findFirstOrThrow({ where: { verificationId: c.id } });
    expect(sample.decisionId).toBe(decision.id);
    expect([officer.id, lead.id]).not.toContain(sample.assigneeId);
    // The confirming lead is refused on the server, whatever the form shows.
    await as(lead);
    const state = await qa(c.id, sample.id, {}, form({ verdict: "AGREE" }));
    expect(state).toMatchObject({ ok: false, message: expect.stringMatching(/second reviewer/) });
    expect((await db.qaSample.findUniqueOrThrow({ where: { id: sample.id } })).reviewedAt).toBeNull();
  });
});

describe("recordQaReview", () => {
  it("refuses a QA reviewer their own decision and writes nothing", async () => {
    const own = await approved(lead);
    await as(lead);
    const state = await qa(own.id, own.sample!.id, {}, form({ verdict: "AGREE" }));
    expect(state).toMatchObject({ ok: false, message: "You cannot QA-review your own decision." });
    expect((await db.qaSample.findUniqueOrThrow({ where: { id: own.sample!.id } })).reviewedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "qa.reviewed", targetId: own.id } })).toBe(0);
  });

  it("needs a reason and a comment to disagree, and echoes what was sent", async () => {
    const c = await approved(officer);
    await as(lead);
    const state = await qa(c.id, c.sample!.id, {}, form({ verdict: "DISAGREE", comment: "" }));
    expect(state.fieldErrors).toMatchObject({
      reason: ["Choose why you disagree"],
      comment: ["Say what you see differently"],
    });
    expect(state.values).toMatchObject({ verdict: "DISAGREE" });
  });

  it("records agreement once; a second review of the same sample is refused", async () => {
    const c = await approved(officer);
    await as(lead);
    expect(await qa(c.id, c.sample!.id, {}, form({ verdict: "AGREE" }))).toMatchObject({ ok: true });
    await as(otherLead);
    expect(await qa(c.id, c.sample!.id, {}, form({ verdict: "AGREE" }))).toMatchObject({
      ok: false,
      message: "This case has already been QA-reviewed.",
    });
    expect((await db.verification.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("APPROVED");
  });

  it("reopens on disagreement: the old decision stays as recorded, a new one follows, the trail shows both", async () => {
    const c = await approved(officer);
    const before = await db.decision.findFirstOrThrow({ where: { verificationId: c.id } });
    await as(lead);
    expect(await qa(c.id, c.sample!.id, {}, disagree(true))).toMatchObject({ ok: true });
    const reopened = await db.verification.findUniqueOrThrow({ where: { id: c.id } });
    expect(reopened).toMatchObject({ status: "REVIEWING", decidedAt: null });
    expect(await db.decision.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
    expect(await db.qaSample.findUniqueOrThrow({ where: { id: c.sample!.id } })).toMatchObject({
      verdict: "DISAGREE",
      reopened: true,
      reviewerId: lead.id,
    });
    await decide(officer, c.id, "REJECT", NEVER);
    const decisions = await db.decision.findMany({
      where: { verificationId: c.id },
      orderBy: { createdAt: "asc" },
    });
    expect(decisions.map((d) => [d.outcome, d.state])).toEqual([
      ["APPROVE", "FINAL"],
      ["REJECT", "PENDING_SECOND_REVIEW"],
    ]);
    const trail = await db.auditEvent.findMany({ where: { targetId: c.id }, orderBy: { id: "asc" } });
    expect(trail.map((e) => e.action).filter((a) => a !== "checklist.answered")).toEqual([
      "decision.recorded",
      "qa.reviewed",
      "decision.recorded",
    ]);
    expect(trail.find((e) => e.action === "qa.reviewed")?.details).toMatchObject({
      verdict: "DISAGREE",
      reopened: true,
      decisionId: before.id,
    });
  });

  it("disagrees without reopening when not asked to, and lists the approval for leads to see", async () => {
    const c = await approved(officer);
    await as(lead);
    expect(await qa(c.id, c.sample!.id, {}, disagree(false))).toMatchObject({ ok: true });
    expect((await db.verification.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("APPROVED");
    const { qaNotices } = await import("@/lib/qa/queries");
    expect((await qaNotices()).map((n) => n.verificationId)).toContain(c.id);
  });
});
