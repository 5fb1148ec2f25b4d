// Automatic assignment and a lead's reassignment against a real PostgreSQL: round-robin order, qualified
// deciders only, cases moving on when their assignee goes offline or is deactivated, never two officers for
// one case under concurrent assigners, and every move audited with its cause (ids only).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AssignmentCause } from "@/lib/desk/causes";
import { setSessionCookie } from "../support/next-headers-mock";
import { caseWith, form, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let db: ReturnType<typeof import("@/lib/db").getDb>;
let desk: typeof import("@/lib/desk/assign");
let sweep: typeof import("@/lib/desk/sweep");
let presence: typeof import("@/lib/desk/presence");
let actions: typeof import("@/lib/desk/actions");
let lead: Staff;
let admin: Staff;

beforeAll(async () => {
  db = (await import("@/lib/db")).getDb();
  desk = await import("@/lib/desk/assign");
  sweep = await import("@/lib/desk/sweep");
  presence = await import("@/lib/desk/presence");
  actions = await import("@/lib/desk/actions");
  [lead, admin] = await Promise.all([staffMember("LEAD"), staffMember("ADMIN")]);
});
afterAll(() => setSessionCookie(undefined));

// Each test starts with nobody available, no open case and automatic assignment on.
beforeEach(async () => {
  await db.staffPresence.deleteMany();
  await db.verification.updateMany({ where: { status: "ACTIVE" }, data: { status: "APPROVED" } });
  await setting("autoAssign", true);
});

const setting = (key: string, value: boolean) =>
  db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });

/** Deciders who said they are available, in this order (the round-robin's first turn follows it). */
async function available(n: number, role: "OFFICER" | "LEAD" = "OFFICER"): Promise<Staff[]> {
  const people: Staff[] = [];
  for (let i = 0; i < n; i += 1) {
    const p = await staffMember(role);
    await db.$transaction((tx) =>
      presence.setAvailability(tx, p.id, "AVAILABLE", new Date(Date.now() - 1000 + i)),
    );
    people.push(p);
  }
  return people;
}

const assigneeOf = async (id: string) =>
  (await db.verification.findUniqueOrThrow({ where: { id }, select: { assigneeId: true } })).assigneeId;

async function assignedEvents(verificationId: string) {
  const rows = await db.auditEvent.findMany({
    where: { action: "verification.assigned", targetId: verificationId },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ actorId: r.actorId, ...(r.details as { cause?: AssignmentCause }) }));
}

/** Publishes a rulebook version that requires `name` for deciding. */
async function requireForDeciding(name: string | null) {
  const { getCurrentRulebook } = await import("@/lib/rulebook/current");
  const current = await getCurrentRulebook();
  const content = { ...current.content, requiredQualification: { decide: name, secondReview: null } };
  await db.rulebookVersion.create({ data: { version: current.version + 1, content } });
}

describe("automatic assignment", () => {
  it("hands new cases round-robin, the longest without a case first, and audits each as a new case", async () => {
    const [a, b, c] = await available(3);
    const cases = [];
    for (let i = 0; i < 6; i += 1) cases.push(await caseWith());
    for (const k of cases) expect(await desk.assignCase(k.id, "new_case")).not.toBeNull();
    const order = await Promise.all(cases.map((k) => assigneeOf(k.id)));
    expect(order).toEqual([a!.id, b!.id, c!.id, a!.id, b!.id, c!.id]);
    expect(await assignedEvents(cases[0]!.id)).toEqual([
      { actorId: null, assigneeId: a!.id, previousAssigneeId: null, cause: "new_case" },
    ]);
  });

  it("never hands a case to someone away, offline, signed out since, idle past the limit or not a decider", async () => {
    const [away, offline, signedOut, idle] = await available(4);
    await db.$transaction((tx) => presence.setAvailability(tx, away!.id, "AWAY"));
    await db.$transaction((tx) => presence.setAvailability(tx, offline!.id, "OFFLINE"));
    await db.staffUser.update({ where: { id: signedOut!.id }, data: { sessionVersion: { increment: 1 } } });
    await db.staffPresence.update({
      where: { staffUserId: idle!.id },
      data: { seenAt: new Date(Date.now() - 31 * 60 * 1000) },
    });
    await db.$transaction((tx) => presence.setAvailability(tx, admin.id, "AVAILABLE"));
    const k = await caseWith();
    expect(await desk.assignCase(k.id, "new_case")).toBeNull();
    expect(await assigneeOf(k.id)).toBeNull();
    const [ready] = await available(1, "LEAD");
    expect((await desk.assignCase(k.id, "new_case"))?.assigneeId).toBe(ready!.id);
  });

  it("hands cases only to deciders holding the qualification the rulebook in force requires", async () => {
    const [unqualified, expired, revoked, qualified] = await available(4);
    const grant = (staffUserId: string, extra: object = {}) =>
      db.qualification.create({
        data: { staffUserId, name: "VideoIdent", evidence: "certificate", grantedById: admin.id, ...extra },
      });
    await grant(expired!.id, { validUntil: new Date(Date.now() - 86_400_000) });
    await grant(revoked!.id, { revokedAt: new Date(), revokedById: admin.id });
    await grant(qualified!.id);
    await db.qualification.create({
      data: { staffUserId: unqualified!.id, name: "Other", evidence: "x", grantedById: admin.id },
    });
    await requireForDeciding("VideoIdent");
    try {
      const cases = [await caseWith(), await caseWith(), await caseWith()];
      for (const k of cases) await desk.assignCase(k.id, "new_case");
      expect(await Promise.all(cases.map((k) => assigneeOf(k.id)))).toEqual(Array(3).fill(qualified!.id));
      expect(await db.$transaction((tx) => desk.assignableDecider(tx, unqualified!.id))).toBe(false);
    } finally {
      await requireForDeciding(null);
    }
  });

  it("moves the open cases of someone who went offline or was deactivated, each with its cause", async () => {
    const [gone, fired, taker] = await available(3);
    const offlineCase = await caseWith({ assigneeId: gone!.id });
    const firedCase = await caseWith({ assigneeId: fired!.id });
    const closed = await caseWith({ assigneeId: gone!.id });
    await db.verification.update({ where: { id: closed.id }, data: { status: "DENIED" } });
    // Their case waits for a second reviewer: the wait is not theirs, so it stays.
    const reviewed = await caseWith({ assigneeId: gone!.id });
    await db.decision.create({
      data: {
        verificationId: reviewed.id,
        decidedById: gone!.id,
        outcome: "REJECT",
        reason: "x",
        state: "PENDING_SECOND_REVIEW",
      },
    });
    await db.verification.update({ where: { id: reviewed.id }, data: { status: "REVIEWING" } });
    await db.$transaction((tx) => presence.markOffline(tx, [gone!.id]));
    await db.staffUser.update({ where: { id: fired!.id }, data: { active: false } });

    const moved = await sweep.runAssignmentSweep();
    expect(moved.map((m) => m.verificationId).sort()).toEqual([offlineCase.id, firedCase.id].sort());
    expect(await assigneeOf(offlineCase.id)).toBe(taker!.id);
    expect(await assigneeOf(firedCase.id)).toBe(taker!.id);
    expect(await assigneeOf(closed.id)).toBe(gone!.id);
    expect(await assigneeOf(reviewed.id)).toBe(gone!.id);
    const cause = async (id: string) => (await assignedEvents(id)).map((e) => e.cause);
    expect(await cause(offlineCase.id)).toEqual(["assignee_offline"]);
    expect(await cause(firedCase.id)).toEqual(["assignee_deactivated"]);
    expect((await assignedEvents(offlineCase.id))[0]).toMatchObject({ previousAssigneeId: gone!.id });
    // A second sweep finds nothing left to do.
    expect(await sweep.runAssignmentSweep()).toEqual([]);
  });

  it("hands a signed-out officer's open cases on at once, without waiting for the sweep", async () => {
    const [leaving, staying] = await available(2);
    const k = await caseWith({ assigneeId: leaving!.id });
    const { endSession } = await import("@/lib/auth/logout");
    const { nowSeconds } = await import("@/lib/auth/session-token");
    await endSession({
      sub: leaving!.id,
      role: leaving!.role,
      sv: leaving!.sessionVersion,
      loginAt: nowSeconds(),
    });
    expect(await presence.availabilityOf(leaving!.id)).toBe("OFFLINE");
    expect(await assigneeOf(k.id)).toBe(staying!.id);
    expect((await assignedEvents(k.id)).map((e) => e.cause)).toEqual(["assignee_offline"]);
  });

  it("ends the availability of a session that ran out, and does nothing while the setting is off", async () => {
    const [idle, other] = await available(2);
    await db.staffPresence.update({
      where: { staffUserId: idle!.id },
      data: { seenAt: new Date(Date.now() - 31 * 60 * 1000) },
    });
    const k = await caseWith({ assigneeId: idle!.id });
    await setting("autoAssign", false);
    expect(await sweep.runAssignmentSweep()).toEqual([]);
    expect(await presence.availabilityOf(idle!.id)).toBe("OFFLINE");
    expect(await assigneeOf(k.id)).toBe(idle!.id);
    await setting("autoAssign", true);
    expect((await sweep.runAssignmentSweep()).map((m) => m.assigneeId)).toEqual([other!.id]);
  });
});

describe("concurrent assigners", () => {
  it("never give one case to two officers: of many at once, one assigns and one event is written", async () => {
    await available(4);
    const k = await caseWith();
    const results = await Promise.all(Array.from({ length: 8 }, () => desk.assignCase(k.id, "new_case")));
    const done = results.filter((r) => r !== null);
    expect(done).toHaveLength(1);
    expect(await assigneeOf(k.id)).toBe(done[0]!.assigneeId);
    expect(await assignedEvents(k.id)).toHaveLength(1);
  });

  it("keep the round-robin exact across cases assigned at the same time", async () => {
    const people = await available(3);
    const cases = await Promise.all(Array.from({ length: 9 }, () => caseWith()));
    await Promise.all(cases.map((k) => desk.assignCase(k.id, "new_case")));
    const counts = new Map<string, number>();
    for (const k of cases) {
      const who = (await assigneeOf(k.id))!;
      counts.set(who, (counts.get(who) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(people.map((p) => [p.id, 3])));
  });
});

describe("a lead's reassignment", () => {
  it("moves one case or many in one form, audited as a lead's with the lead as actor", async () => {
    const [from, to] = await available(2);
    const a = await caseWith({ assigneeId: from!.id });
    const b = await caseWith({ assigneeId: from!.id });
    const mine = await caseWith({ assigneeId: to!.id });
    setSessionCookie(await sessionCookieFor(lead));
    const state = await actions.reassignCases(
      {},
      form({ assigneeId: to!.id, [`case:${a.id}`]: "on", [`case:${b.id}`]: "on", [`case:${mine.id}`]: "on" }),
    );
    expect(state).toMatchObject({
      ok: true,
      message: "2 cases reassigned. 1 skipped: closed, or already theirs.",
    });
    expect([await assigneeOf(a.id), await assigneeOf(b.id)]).toEqual([to!.id, to!.id]);
    expect(await assignedEvents(a.id)).toEqual([
      { actorId: lead.id, assigneeId: to!.id, previousAssigneeId: from!.id, cause: "lead_reassigned" },
    ]);
    expect(await assignedEvents(mine.id)).toEqual([]);
  });

  it("refuses a target who cannot decide, an unknown case, and an officer asking", async () => {
    const k = await caseWith();
    setSessionCookie(await sessionCookieFor(lead));
    const toAdmin = await actions.reassignCases({}, form({ assigneeId: admin.id, [`case:${k.id}`]: "on" }));
    expect(toAdmin.fieldErrors?.assigneeId).toEqual([
      "They cannot take cases: pick an active, qualified decider.",
    ]);
    const unknown = await actions.reassignCases(
      {},
      form({ assigneeId: lead.id, [`case:${crypto.randomUUID()}`]: "on" }),
    );
    expect(unknown.notFound).toBe(true);
    expect(await assigneeOf(k.id)).toBeNull();
    const [officer] = await available(1);
    setSessionCookie(await sessionCookieFor(officer!));
    await expect(
      actions.reassignCases({}, form({ assigneeId: officer!.id, [`case:${k.id}`]: "on" })),
    ).rejects.toThrow();
    expect(await assigneeOf(k.id)).toBeNull();
  });
});
