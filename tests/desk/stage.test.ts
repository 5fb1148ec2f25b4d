// Stages and clocks against a real PostgreSQL: each stage derived from the rows that exist, the SQL form
// giving the same stage and moment as the TypeScript one, the due-soon and overdue boundaries to the
// millisecond, the list's clock filter (keyset-paginated) and each breach recorded exactly once.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { clockOf, type ClockContext } from "@/lib/desk/clock";
import { stageOf } from "@/lib/desk/stage";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_STAGE_TARGETS } from "@/lib/settings/desk-settings";
import { caseWith, staffMember, type Staff } from "../support/case-fixtures";

vi.mock("next/headers", () => import("../support/next-headers-mock"));

let db: ReturnType<typeof import("@/lib/db").getDb>;
let stageSql: typeof import("@/lib/desk/stage-sql");
let queries: typeof import("@/lib/desk/queries");
let officer: Staff;
let lead: Staff;

const MIN = 60_000;
const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN);
const policy = { targets: DEFAULT_STAGE_TARGETS, dueSoonPercent: 20 };

beforeAll(async () => {
  db = (await import("@/lib/db")).getDb();
  stageSql = await import("@/lib/desk/stage-sql");
  queries = await import("@/lib/desk/queries");
  [officer, lead] = await Promise.all([staffMember("OFFICER"), staffMember("LEAD")]);
});

// The SQL answer as the case page reads it (the list filters on the same subquery).
async function sqlStage(id: string, clock: ClockContext) {
  return (await queries.caseStage(id, clock))!;
}

async function link(verificationId: string, createdAt: Date, firstOpenedAt: Date | null = null) {
  await db.linkDelivery.create({
    data: {
      verificationId,
      slug: crypto.randomUUID(),
      kind: "VIDEO_CALL",
      channel: "COPY",
      targetUrlSealed: "sealed",
      createdAt,
      firstOpenedAt,
      live: null,
    },
  });
}
const call = (verificationId: string, finishedAt: Date) =>
  db.videoCall.create({ data: { verificationId, photos: false, outcome: "SUCCEEDED", finishedAt } });
const file = (verificationId: string, kind: "VIDEO" | "FACE_PHOTO", createdAt: Date) =>
  db.mediaAsset.updateMany({ where: { verificationId, kind }, data: { createdAt } });

/** One case in each stage, all created at T0, each step ten minutes after the last. */
async function everyStage() {
  const created = await caseWith();
  const sent = await caseWith();
  await link(sent.id, at(10));
  const opened = await caseWith();
  await link(opened.id, at(10), at(20));
  const finished = await caseWith();
  await link(finished.id, at(10), at(20));
  await call(finished.id, at(30));
  // Photos were asked for: the face photo alone is not the evidence a decision needs.
  const partial = await caseWith({ photos: true, media: ["FACE_PHOTO"] });
  await call(partial.id, at(30));
  await file(partial.id, "FACE_PHOTO", at(40));
  const complete = await caseWith({ media: ["VIDEO"] });
  await call(complete.id, at(30));
  await file(complete.id, "VIDEO", at(50));
  const review = await caseWith({ media: ["VIDEO"] });
  await file(review.id, "VIDEO", at(50));
  await db.decision.create({
    data: {
      verificationId: review.id,
      decidedById: officer.id,
      outcome: "REJECT",
      reason: "x",
      state: "PENDING_SECOND_REVIEW",
      createdAt: at(60),
    },
  });
  await db.verification.update({ where: { id: review.id }, data: { status: "REVIEWING" } });
  // Overruled by the second reviewer at 70: back in front of a decider from then.
  const overruled = await caseWith({ media: ["VIDEO"] });
  await file(overruled.id, "VIDEO", at(50));
  await db.decision.create({
    data: {
      verificationId: overruled.id,
      decidedById: officer.id,
      outcome: "REJECT",
      reason: "x",
      state: "OVERRULED",
      createdAt: at(60),
      reviewedById: lead.id,
      reviewedAt: at(70),
    },
  });
  await db.verification.update({ where: { id: overruled.id }, data: { status: "REVIEWING" } });
  const decided = await caseWith({ media: ["VIDEO"] });
  await db.verification.update({
    where: { id: decided.id },
    data: { status: "APPROVED", decidedAt: at(80) },
  });
  return { created, sent, opened, finished, partial, complete, review, overruled, decided };
}

describe("stage derivation", () => {
  it("reads each stage and its start from the rows, the same in TypeScript and in SQL", async () => {
    const cases = await everyStage();
    const createdAt = (await db.verification.findUniqueOrThrow({ where: { id: cases.created.id } }))
      .createdAt;
    const expected = {
      created: ["CREATED", createdAt],
      sent: ["LINK_SENT", at(10)],
      opened: ["LINK_OPENED", at(20)],
      finished: ["CALL_FINISHED", at(30)],
      partial: ["RECORDINGS_ARCHIVED", at(40)],
      complete: ["AWAITING_DECISION", at(50)],
      review: ["AWAITING_SECOND_REVIEW", at(60)],
      overruled: ["AWAITING_DECISION", at(70)],
      decided: ["DECIDED", at(80)],
    } as const;
    const clock = { ...policy, now: at(100) };
    for (const [name, [stage, since]] of Object.entries(expected)) {
      const id = cases[name as keyof typeof cases].id;
      const ts = stageOf((await queries.stageRowsOf(id))!);
      expect({ name, ...ts }).toEqual({ name, stage, since });
      const sql = await sqlStage(id, clock);
      expect({ name, stage: sql.stage, since: sql.since }).toEqual({ name, stage, since });
      expect({ name, dueAt: sql.dueAt, clock: sql.clock }).toEqual({
        name,
        ...clockOf(ts.stage, ts.since, clock, clock.now),
      });
    }
  });
});

describe("clock boundaries", () => {
  // Awaiting decision for 4 hours (240 min); due soon for the last 20%, from 192 min.
  const cases: [number, string][] = [
    [192 * MIN - 1, "on_time"],
    [192 * MIN, "due_soon"],
    [240 * MIN, "due_soon"],
    [240 * MIN + 1, "overdue"],
  ];
  it.each(cases)("%i ms after the recordings arrived: %s, in TypeScript and in SQL", async (ms, expected) => {
    const k = await caseWith({ media: ["VIDEO"] });
    await file(k.id, "VIDEO", T0);
    const now = new Date(T0.getTime() + ms);
    expect(clockOf("AWAITING_DECISION", T0, policy, now)).toEqual({ dueAt: at(240), clock: expected });
    expect(await sqlStage(k.id, { ...policy, now })).toMatchObject({ dueAt: at(240), clock: expected });
  });

  it("has no clock where the stage has no target, nor once decided", async () => {
    const k = await caseWith({ media: ["VIDEO"] });
    await file(k.id, "VIDEO", T0);
    const targets = { ...DEFAULT_STAGE_TARGETS, AWAITING_DECISION: null };
    expect(await sqlStage(k.id, { targets, dueSoonPercent: 20, now: at(10_000) })).toMatchObject({
      dueAt: null,
      clock: null,
    });
    expect(clockOf("DECIDED", T0, policy, at(10_000))).toEqual({ dueAt: null, clock: null });
  });
});

describe("the list's clock filter and the breach record", () => {
  it("lists only overdue (or due soon) cases, a keyset page at a time, and records each breach once", async () => {
    const { listVerifications } = await import("@/lib/verifications/queries");
    const { recordAndTellBreaches: recordNewBreaches } = await import("@/lib/desk/breaches");
    // Everything made so far is long overdue: close it, so only the cases below are open.
    await db.verification.updateMany({
      where: { status: { not: "APPROVED" } },
      data: { status: "APPROVED" },
    });
    const ago = (minutes: number) => new Date(Date.now() - minutes * MIN);
    const make = async (minutes: number) => {
      const k = await caseWith({ media: ["VIDEO"], assigneeId: officer.id });
      await file(k.id, "VIDEO", ago(minutes));
      return k.id;
    };
    const overdue = [await make(300), await make(260), await make(250)];
    const soon = await make(200);
    const onTime = await make(30);
    const user = { id: lead.id, email: lead.email, name: lead.name, role: lead.role, scopeDates: null };
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listVerifications(user, { clock: "overdue", sort: "created_asc", after }, 2);
      seen.push(...page.rows.map((r) => r.id));
      expect(page.rows.every((r) => r.clock === "overdue" && r.stage === "AWAITING_DECISION")).toBe(true);
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(seen.sort()).toEqual([...overdue].sort());
    const dueSoon = await listVerifications(user, { clock: "due_soon" });
    expect(dueSoon.rows.map((r) => r.id)).toEqual([soon]);
    expect((await listVerifications(user, { clock: "on_time" })).rows.map((r) => r.id)).toEqual([onTime]);

    // Two runs at once, then a third: each overdue case and stage is returned once, with its assignee.
    const [first, second] = await Promise.all([recordNewBreaches(), recordNewBreaches()]);
    const all = [...first, ...second];
    expect(all.map((b) => b.verificationId).sort()).toEqual([...overdue].sort());
    expect(all.every((b) => b.assigneeId === officer.id && b.stage === "AWAITING_DECISION")).toBe(true);
    expect(await recordNewBreaches()).toEqual([]);
    expect(await db.stageBreach.count()).toBe(3);
    // The assignee is told once per breach, in the transaction that recorded it.
    const told = await db.notification.findMany({ where: { userId: officer.id, kind: "CASE_OVERDUE" } });
    expect(told.map((n) => n.verificationId).sort()).toEqual([...overdue].sort());
  });

  it("counts due soon and overdue per stage for /metrics", async () => {
    const clock = { ...policy, now: new Date() };
    const counts = await queries.stageCounts({}, { kind: "all" }, clock);
    expect(counts.find((c) => c.stage === "AWAITING_DECISION")).toEqual({
      stage: "AWAITING_DECISION",
      open: 5,
      dueSoon: 1,
      overdue: 3,
    });
    const [{ n }] = await db.$queryRaw<[{ n: number }]>(
      Prisma.sql`SELECT count(*)::int AS n FROM verifications v WHERE ${stageSql.clockSql(clock, clock.now)} = 'overdue'`,
    );
    expect(n).toBe(3);
  });
});
