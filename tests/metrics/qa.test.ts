// QA figures on /metrics against a hand-computed fixture on real PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";

let m: typeof import("@/lib/metrics/qa-queries");
let db: ReturnType<typeof import("@/lib/db").getDb>;
const ALL = { kind: "all" } as const;
const s: Record<string, string> = {};
const MAY_1 = Date.UTC(2026, 4, 1, 9);
let n = 0;

async function decided(options: {
  createdAt: number;
  decider: string;
  /** Seconds from the newest finished call to the decision. */
  afterCall: number;
  sample?: { assignee: string; reviewer?: string; verdict?: "AGREE" | "DISAGREE"; waitedSeconds?: number };
}) {
  const v = await db.verification.create({
    data: {
      scanRef: `qa-m-${(n += 1)}`,
      clientId: `qa-c-${n}`,
      tokenType: "VIDEO_CALL",
      status: "APPROVED",
      createdAt: new Date(options.createdAt),
    },
  });
  const decidedAt = options.createdAt + 3600_000;
  const finished = (offsetSeconds: number) =>
    db.videoCall.create({
      data: {
        verificationId: v.id,
        photos: false,
        outcome: "SUCCEEDED",
        finishedAt: new Date(decidedAt - offsetSeconds * 1000),
      },
    });
  // An older call, the one that counts, and one that finished only after the decision (never counts).
  await finished(options.afterCall + 900);
  await finished(options.afterCall);
  await finished(-60);
  const d = await db.decision.create({
    data: {
      verificationId: v.id,
      decidedById: s[options.decider]!,
      outcome: "APPROVE",
      reason: "r",
      createdAt: new Date(decidedAt),
    },
  });
  const q = options.sample;
  if (q) {
    const sampledAt = new Date(decidedAt);
    await db.qaSample.create({
      data: {
        decisionId: d.id,
        verificationId: v.id,
        reason: "RANDOM",
        sampledAt,
        assigneeId: s[q.assignee]!,
        reviewerId: q.reviewer ? s[q.reviewer]! : null,
        verdict: q.verdict ?? null,
        reviewedAt: q.reviewer ? new Date(sampledAt.getTime() + (q.waitedSeconds ?? 0) * 1000) : null,
      },
    });
  }
}

beforeAll(async () => {
  m = await import("@/lib/metrics/qa-queries");
  db = (await import("@/lib/db")).getDb();
  for (const [name, role] of [
    ["Ann", "OFFICER"],
    ["Bob", "OFFICER"],
    ["Lea", "LEAD"],
    ["Leo", "LEAD"],
  ] as const) {
    s[name] = (await db.staffUser.create({ data: { email: `${name}@qa`, name, role } })).id;
  }
  // Ann: four decisions 60, 120, 300 and 600 s after the call (median 210 s); three drawn for QA.
  await decided({
    createdAt: MAY_1,
    decider: "Ann",
    afterCall: 60,
    sample: { assignee: "Lea", reviewer: "Lea", verdict: "AGREE", waitedSeconds: 600 },
  });
  await decided({
    createdAt: MAY_1,
    decider: "Ann",
    afterCall: 120,
    sample: { assignee: "Lea", reviewer: "Leo", verdict: "DISAGREE", waitedSeconds: 1200 },
  });
  await decided({
    createdAt: MAY_1 + 86_400_000,
    decider: "Ann",
    afterCall: 300,
    sample: { assignee: "Lea" },
  });
  await decided({ createdAt: MAY_1 + 86_400_000, decider: "Ann", afterCall: 600 });
  // Bob: one decision 30 s after the call, drawn, waiting for Leo.
  await decided({ createdAt: MAY_1, decider: "Bob", afterCall: 30, sample: { assignee: "Leo" } });
  // April, outside the period: not in the per-officer figures, but still in Leo's backlog.
  await decided({
    createdAt: Date.UTC(2026, 3, 1, 9),
    decider: "Ann",
    afterCall: 5,
    sample: { assignee: "Leo" },
  });
});

const may = { from: "2026-05-01", to: "2026-05-02" };

describe("QA metrics", () => {
  it("per officer: decided, sampled, QA agreement, median from call finished to decision", async () => {
    expect(await m.qaPerOfficer(may, ALL)).toEqual([
      {
        id: s.Ann,
        name: "Ann",
        decided: 4,
        sampled: 3,
        qaReviewed: 2,
        qaAgreed: 1,
        medianCallToDecisionSeconds: 210,
      },
      {
        id: s.Bob,
        name: "Bob",
        decided: 1,
        sampled: 1,
        qaReviewed: 0,
        qaAgreed: 0,
        medianCallToDecisionSeconds: 30,
      },
    ]);
  });

  it("per QA reviewer: the backlog now whatever the dates, and reviews in the period with their median wait", async () => {
    expect(await m.qaPerReviewer(may, ALL)).toEqual([
      { id: s.Leo, name: "Leo", backlog: 2, reviewed: 1, medianReviewSeconds: 1200 },
      { id: s.Lea, name: "Lea", backlog: 1, reviewed: 1, medianReviewSeconds: 600 },
    ]);
  });

  it("applies the list's filters and the per-record scope like the other figures", async () => {
    // Officer scope covers created-by, assigned-to and unassigned cases: all of these are unassigned.
    const mine = { kind: "mine", userId: s.Bob! } as const;
    expect((await m.qaPerOfficer(may, mine)).map((r) => r.decided)).toEqual([4, 1]);
    expect(await m.qaPerOfficer({ ...may, status: "DENIED" }, ALL)).toEqual([]);
  });
});
