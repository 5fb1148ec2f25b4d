// Notifications through the real actions, on this file's database: each cause tells the right people once, in
// the transaction of the change, and each person reads and marks only their own.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Tx } from "@/lib/db";
import type { Sandbox } from "@/sandbox/server";
import { setSessionCookie } from "../support/next-headers-mock";
import {
  caseWith,
  form,
  passEveryItem,
  REASON,
  sessionCookieFor,
  staffMember,
  type Staff,
} from "../support/case-fixtures";
import { startAppSandbox } from "../support/sandbox-env";
import { approved, disagree } from "../qa/support";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let sandbox: Sandbox;
let db: ReturnType<typeof import("@/lib/db").getDb>;
let actions: typeof import("@/lib/notifications/actions");
let officer: Staff;
let colleague: Staff;
let leadA: Staff;
let leadB: Staff;
let formerLead: Staff;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  db = (await import("@/lib/db")).getDb();
  actions = await import("@/lib/notifications/actions");
  [officer, colleague, leadA, leadB, formerLead] = await Promise.all([
    staffMember("OFFICER"),
    staffMember("OFFICER"),
    staffMember("LEAD"),
    staffMember("LEAD"),
    staffMember("LEAD"),
  ]);
  await db.staffUser.update({ where: { id: formerLead.id }, data: { active: false } });
});
afterAll(async () => {
  await (await import("@/lib/jobs/boss")).stopBoss(1_000);
  await sandbox.close();
});

const as = async (who: Staff) => setSessionCookie(await sessionCookieFor(who));

/** Who was told what about one case, as "kind userId", sorted. */
async function told(verificationId: string): Promise<string[]> {
  const rows = await db.notification.findMany({ where: { verificationId } });
  return rows.map((r) => `${r.kind} ${r.userId}`).sort();
}

/** A case whose client finished the call at the sandbox; MarkID holds its photos and video. */
async function finishedCall(owner: { createdById: string; assigneeId?: string }) {
  const { markIdClient } = await import("@/lib/markid");
  const clientId = `notify-${Math.random().toString(36).slice(2)}`;
  const token = await markIdClient().createToken({ clientId, tokenType: "VIDEO_CALL_PHOTOS" });
  if (!token.ok) throw new Error(token.error.message);
  const v = await db.verification.create({
    data: { scanRef: token.value.scanRef, clientId, tokenType: "VIDEO_CALL_PHOTOS", ...owner },
  });
  const call = await markIdClient().createVideoCall({ scanRef: v.scanRef, photos: true });
  if (!call.ok) throw new Error(call.error.message);
  sandbox.controls.completeCall(v.scanRef, { success: true });
  return v;
}

async function fetchAs(who: Staff, verificationId: string) {
  const { fetchRecordings } = await import("@/lib/recordings/actions");
  await as(who);
  return fetchRecordings(verificationId, {}, form({}));
}

/** A rejection by `decider` through the decision form's action: it waits for a second review. */
async function rejectAs(decider: Staff) {
  const { recordDecision } = await import("@/lib/decisions/decide-actions");
  const c = await caseWith({ media: ["VIDEO"], createdById: decider.id });
  const rulebook = await passEveryItem(c.id, decider.id);
  await as(decider);
  const fields = { outcome: "REJECT", reason: REASON.REJECT, confirmed: "yes" };
  expect(await recordDecision(c.id, {}, form(fields))).toMatchObject({ ok: true });
  const decision = await db.decision.findFirstOrThrow({ where: { verificationId: c.id } });
  return { id: c.id, decisionId: decision.id, keys: rulebook.content.checklist.map((i) => i.key) };
}

async function secondReviewAs(reviewer: Staff, p: Awaited<ReturnType<typeof rejectAs>>, verdict: string) {
  const { secondReview } = await import("@/lib/decisions/second-review-actions");
  await as(reviewer);
  const items = Object.fromEntries(p.keys.map((k) => [`item.${k}`, "confirm"]));
  const state = await secondReview(p.id, p.decisionId, {}, form({ ...items, verdict }));
  expect(state).toMatchObject({ ok: true });
}

describe("who is told what", () => {
  it("recordings ready: the case's creator while unassigned, once however often it is fetched", async () => {
    const v = await finishedCall({ createdById: officer.id });
    expect(await fetchAs(officer, v.id)).toMatchObject({ ok: true });
    expect(await fetchAs(officer, v.id)).toMatchObject({ ok: true });
    expect(await told(v.id)).toEqual([`RECORDINGS_READY ${officer.id}`]);
  });

  it("recordings ready: the assignee rather than the creator", async () => {
    const v = await finishedCall({ createdById: officer.id, assigneeId: colleague.id });
    expect(await fetchAs(colleague, v.id)).toMatchObject({ ok: true });
    expect(await told(v.id)).toEqual([`RECORDINGS_READY ${colleague.id}`]);
  });

  it("second review requested: every active lead, never the decider", async () => {
    const byOfficer = await rejectAs(officer);
    expect(await told(byOfficer.id)).toEqual(
      [`SECOND_REVIEW_REQUESTED ${leadA.id}`, `SECOND_REVIEW_REQUESTED ${leadB.id}`].sort(),
    );
    const byLead = await rejectAs(leadA);
    expect(await told(byLead.id)).toEqual([`SECOND_REVIEW_REQUESTED ${leadB.id}`]);
  });

  it("confirmed, or overruled: the decider", async () => {
    const confirmed = await rejectAs(officer);
    await secondReviewAs(leadA, confirmed, "confirm");
    expect((await told(confirmed.id)).filter((t) => t.startsWith("DECISION"))).toEqual([
      `DECISION_CONFIRMED ${officer.id}`,
    ]);
    const overruled = await rejectAs(officer);
    await secondReviewAs(leadB, overruled, "overrule");
    expect((await told(overruled.id)).filter((t) => t.startsWith("DECISION"))).toEqual([
      `DECISION_DISPUTED ${officer.id}`,
    ]);
  });

  it("QA disagreed: the decider; an agreement tells nobody", async () => {
    const { recordQaReview } = await import("@/lib/qa/actions");
    await as(leadA);
    const disputed = await approved(officer);
    expect(await recordQaReview(disputed.id, disputed.sample!.id, {}, disagree(false))).toMatchObject({
      ok: true,
    });
    expect(await told(disputed.id)).toEqual([`DECISION_DISPUTED ${officer.id}`]);
    const agreed = await approved(officer);
    const agree = form({ verdict: "AGREE" });
    expect(await recordQaReview(agreed.id, agreed.sample!.id, {}, agree)).toMatchObject({ ok: true });
    expect(await told(agreed.id)).toEqual([]);
  });

  it("exists only if the change commits", async () => {
    const { notify } = await import("@/lib/notifications/notify");
    const c = await caseWith({ createdById: officer.id });
    await expect(
      db.$transaction(async (tx: Tx) => {
        await notify(tx, { userId: officer.id, kind: "CASE_OVERDUE", verificationId: c.id });
        throw new Error("the change failed after notifying");
      }),
    ).rejects.toThrow(/after notifying/);
    expect(await told(c.id)).toEqual([]);
    await db.$transaction((tx: Tx) =>
      notify(tx, { userId: officer.id, kind: "CASE_OVERDUE", verificationId: c.id }),
    );
    expect(await told(c.id)).toEqual([`CASE_OVERDUE ${officer.id}`]);
  });
});

describe("read state, per person", () => {
  it("marks one's own read, leaves the others' unread, and marks all", async () => {
    const { notificationVersion } = await import("@/lib/notifications/queries");
    const p = await rejectAs(officer);
    const mine = await db.notification.findFirstOrThrow({
      where: { verificationId: p.id, userId: leadA.id },
    });
    const before = await notificationVersion(leadA.id);
    const theirsBefore = await notificationVersion(leadB.id);
    await as(leadA);
    expect(await actions.markNotificationRead(mine.id, {}, form({}))).toMatchObject({ ok: true });
    const after = await notificationVersion(leadA.id);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.version).not.toBe(before.version);
    expect(await notificationVersion(leadB.id)).toEqual(theirsBefore);

    await as(leadB);
    expect(await actions.markAllNotificationsRead({}, form({}))).toMatchObject({ ok: true });
    expect((await notificationVersion(leadB.id)).unread).toBe(0);
    expect((await notificationVersion(leadA.id)).unread).toBe(after.unread);
  });

  it("answers another person's notification as one that never existed, and never lists it", async () => {
    const p = await rejectAs(officer);
    const theirs = await db.notification.findFirstOrThrow({
      where: { verificationId: p.id, userId: leadA.id },
    });
    await as(leadB);
    const refused = await actions.markNotificationRead(theirs.id, {}, form({}));
    const missing = await actions.markNotificationRead(crypto.randomUUID(), {}, form({}));
    expect(refused).toMatchObject({ ok: false, notFound: true, message: "This notification was not found." });
    expect(refused).toEqual(missing);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

    const { GET } = await import("@/app/api/notifications/route");
    const body = (await (await GET()).json()) as { items: Array<{ id: string }> };
    expect(body.items.map((i) => i.id)).not.toContain(theirs.id);
    expect(body.items.length).toBeGreaterThan(0);
  });

  it("names the case when read: deleted once purged, and not at all once the reader may not open it", async () => {
    const { listNotifications } = await import("@/lib/notifications/queries");
    const { notify } = await import("@/lib/notifications/notify");
    const purged = await caseWith({ createdById: officer.id });
    const elsewhere = await caseWith({ createdById: colleague.id, assigneeId: colleague.id });
    await db.$transaction(async (tx: Tx) => {
      await notify(tx, { userId: officer.id, kind: "CASE_OVERDUE", verificationId: purged.id });
      await notify(tx, { userId: officer.id, kind: "CASE_OVERDUE", verificationId: elsewhere.id });
    });
    const named = await db.verification.findUniqueOrThrow({ where: { id: purged.id } });
    const user = { ...officer, scopeDates: null } as never;
    let items = await listNotifications(user);
    expect(items.find((i) => i.verificationId === purged.id)?.label).toBe(named.clientId);
    expect(items.find((i) => i.verificationId === elsewhere.id)?.label).toBeNull();
    await db.verification.update({ where: { id: purged.id }, data: { purgedAt: new Date() } });
    items = await listNotifications(user);
    expect(items.find((i) => i.verificationId === purged.id)?.label).toBe("deleted");
  });
});
