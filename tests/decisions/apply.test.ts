import { beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { passEveryItem, REASON } from "../support/case-fixtures";
import { inEnglish } from "../support/in-english";

type Apply = typeof import("@/lib/decisions/apply");
let apply: Apply;
let db: ReturnType<typeof import("@/lib/db").getDb>;
let officerA = "";
let officerB = "";
let lead = "";

beforeAll(async () => {
  apply = await import("@/lib/decisions/apply");
  db = (await import("@/lib/db")).getDb();
  const make = (email: string, role: "OFFICER" | "LEAD") =>
    db.staffUser.create({ data: { email, name: email, role } }).then((u) => u.id);
  [officerA, officerB, lead] = await Promise.all([
    make("a@t", "OFFICER"),
    make("b@t", "OFFICER"),
    make("l@t", "LEAD"),
  ]);
});

let n = 0;
async function verification(options: { photos?: boolean; media?: string[]; assigneeId?: string } = {}) {
  n += 1;
  const v = await db.verification.create({
    data: {
      scanRef: `apply-${n}`,
      clientId: `client-${n}`,
      tokenType: options.photos ? "VIDEO_CALL_PHOTOS" : "VIDEO_CALL",
      assigneeId: options.assigneeId ?? null,
    },
  });
  for (const kind of options.media ?? []) {
    await db.mediaAsset.create({
      data: {
        verificationId: v.id,
        kind: kind as "VIDEO",
        sourceKey: kind,
        storageKey: `${v.id}/${kind}`,
        contentType: "x/y",
        sizeBytes: 1n,
        sha256: "0".repeat(64),
      },
    });
  }
  return v.id;
}

const run = <T>(fn: (tx: Tx) => Promise<{ value: T }>) =>
  inEnglish(db.$transaction(async (tx) => (await fn(tx)).value));
const decide = (who: string, id: string, outcome: "APPROVE" | "REJECT" | "ABORT" | "REQUEST_RESUBMISSION") =>
  run((tx) => apply.applyDecision(tx, who, id, { outcome, reason: REASON[outcome] }));
const pendingOf = (id: string) =>
  db.decision.findFirstOrThrow({ where: { verificationId: id } }).then((d) => d.id);

describe("applyDecision", () => {
  it("blocks approval until face, front, back and a video are archived", async () => {
    const id = await verification({ photos: true, media: ["FACE_PHOTO", "VIDEO"] });
    await expect(decide(officerA, id, "APPROVE")).rejects.toThrow(/Missing: document front, document back/);
    expect(await db.decision.count({ where: { verificationId: id } })).toBe(0);
    const complete = await verification({
      photos: true,
      media: ["FACE_PHOTO", "DOCUMENT_FRONT", "DOCUMENT_BACK", "VIDEO"],
    });
    // The evidence alone is not enough: tests/decisions/basis.test.ts covers the checklist's part.
    await passEveryItem(complete, officerA);
    expect(await decide(officerA, complete, "APPROVE")).toBe(false);
    expect((await db.verification.findUniqueOrThrow({ where: { id: complete } })).status).toBe("APPROVED");
  });

  it("sends rejections to four-eyes review by default and keeps the verification open", async () => {
    const id = await verification();
    expect(await decide(officerA, id, "REJECT")).toBe(true);
    expect((await db.verification.findUniqueOrThrow({ where: { id } })).status).toBe("REVIEWING");
    await expect(decide(officerA, id, "ABORT")).rejects.toThrow(/already waiting for its second review/);
  });

  it("refuses a decision on a verification another officer has claimed", async () => {
    const id = await verification({ assigneeId: officerB });
    await expect(decide(officerA, id, "ABORT")).rejects.toThrow(/Another officer has claimed/);
  });

  it("lets only one of two simultaneous decisions through", async () => {
    const id = await verification();
    const results = await Promise.allSettled([decide(officerA, id, "REJECT"), decide(officerA, id, "ABORT")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.decision.count({ where: { verificationId: id } })).toBe(1);
  });
});

describe("applySecondReview", () => {
  const review = (who: string, id: string, decisionId: string, verdict: "confirm" | "overrule") =>
    run((tx) => apply.applySecondReview(tx, who, id, decisionId, { verdict }));

  it("never lets the decider confirm their own decision", async () => {
    const id = await verification();
    await decide(lead, id, "REJECT");
    await expect(review(lead, id, await pendingOf(id), "confirm")).rejects.toThrow(/cannot also confirm/);
    expect((await db.decision.findFirstOrThrow({ where: { verificationId: id } })).state).toBe(
      "PENDING_SECOND_REVIEW",
    );
  });

  it("confirms once: the verification closes, and a second review finds nothing to do", async () => {
    const id = await verification();
    await decide(officerA, id, "REJECT");
    const decisionId = await pendingOf(id);
    await review(lead, id, decisionId, "confirm");
    expect((await db.verification.findUniqueOrThrow({ where: { id } })).status).toBe("DENIED");
    await expect(review(lead, id, decisionId, "overrule")).rejects.toThrow(/already been reviewed/);
  });

  it("overruling reopens the verification for a new decision", async () => {
    const id = await verification();
    await decide(officerA, id, "ABORT");
    await review(lead, id, await pendingOf(id), "overrule");
    expect((await db.verification.findUniqueOrThrow({ where: { id } })).status).toBe("REVIEWING");
    expect(await decide(officerA, id, "REQUEST_RESUBMISSION")).toBe(false);
  });
});
