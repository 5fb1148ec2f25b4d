// The daily inactivity job against a real database: exactly the inactive accounts are deactivated, their
// sessions end, each is audited once however often it runs; admins see who was and who soon will be.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditedCommit } from "@/lib/audit/commit";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { setActive } from "@/lib/staff/commands";
import { deactivateInactive, inactivityOverview } from "@/lib/staff/inactivity";
import { runInactivityJob } from "@/lib/staff/jobs";
import { setSessionCookie } from "../support/next-headers-mock";
import { form, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const db = getDb();
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

type Dates = { lastLoginAt?: Date | null; activeSince?: Date | null; createdAt: Date; active?: boolean };

async function account(label: string, dates: Dates, role: Role = "OFFICER") {
  const tag = randomBytes(3).toString("hex");
  return db.staffUser.create({
    data: { email: `${label}-${tag}@example.test`, name: `${label} ${tag}`, role, ...dates },
  });
}

const auditsOf = (ids: string[]) =>
  db.auditEvent.findMany({
    where: { action: "staff.deactivated_inactive", targetId: { in: ids } },
    orderBy: { id: "asc" },
  });

let admin: Staff;
let byAdmin: ReturnType<typeof auditedCommit>;
beforeAll(async () => {
  admin = await staffMember("ADMIN");
  byAdmin = auditedCommit(
    { ...admin, scopeDates: null },
    { requestId: "req-staff", ip: null, userAgent: null },
  );
  await db.staffUser.update({ where: { id: admin.id }, data: { lastLoginAt: now } });
});

describe("the inactivity job", () => {
  it("deactivates exactly the inactive accounts, ends their sessions, and audits each once", async () => {
    const stale = await account("stale", { lastLoginAt: daysAgo(100), createdAt: daysAgo(300) });
    const never = await account("never", { createdAt: daysAgo(91) });
    const staleAdmin = await account(
      "stale-admin",
      { lastLoginAt: daysAgo(120), createdAt: daysAgo(300) },
      "ADMIN",
    );
    const recent = await account("recent", { lastLoginAt: daysAgo(10), createdAt: daysAgo(300) });
    const newcomer = await account("newcomer", { createdAt: daysAgo(89) });
    const reactivated = await account("back", {
      lastLoginAt: daysAgo(200),
      activeSince: daysAgo(3),
      createdAt: daysAgo(300),
    });
    const gone = await account("gone", { lastLoginAt: daysAgo(200), createdAt: daysAgo(300), active: false });
    const inactive = [stale.id, never.id, staleAdmin.id];

    expect((await deactivateInactive(db, 90, now)).sort()).toEqual([...inactive].sort());
    const rows = await db.staffUser.findMany({
      where: { id: { in: [...inactive, recent.id, newcomer.id, reactivated.id, gone.id] } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of inactive) expect(byId.get(id)).toMatchObject({ active: false, sessionVersion: 1 });
    for (const u of [recent, newcomer, reactivated])
      expect(byId.get(u.id)).toMatchObject({ active: true, sessionVersion: 0 });
    expect(byId.get(gone.id)).toMatchObject({ active: false, sessionVersion: 0 });

    const audits = await auditsOf([...inactive, gone.id]);
    expect(audits.map((a) => a.targetId).sort()).toEqual([...inactive].sort());
    expect(audits.find((a) => a.targetId === never.id)?.details).toEqual({
      inactiveDays: 90,
      lastActivityAt: never.createdAt.toISOString(),
    });
    expect(audits.find((a) => a.targetId === stale.id)).toMatchObject({
      actorId: null,
      targetType: "staff_user",
      details: { inactiveDays: 90, lastActivityAt: stale.lastLoginAt!.toISOString() },
    });

    // A second run, and the job reading the setting (90 by default), find nothing left to do.
    expect(await deactivateInactive(db, 90, now)).toEqual([]);
    expect(await runInactivityJob(now)).toEqual([]);
    expect(await auditsOf([...inactive, gone.id])).toHaveLength(3);
  });

  it("leaves a reactivated account alone: reactivation restarts the clock", async () => {
    const left = await account("left", { lastLoginAt: daysAgo(150), createdAt: daysAgo(300) });
    expect(await deactivateInactive(db, 90, now)).toContain(left.id);
    await byAdmin((tx) => setActive(tx, admin.id, left.id, true));
    expect(await deactivateInactive(db, 90, new Date())).not.toContain(left.id);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: left.id } })).active).toBe(true);
  });

  it("applies the days admins set, through the settings action", async () => {
    const { updateInactivityDays } = await import("@/lib/settings/inactivity-actions");
    setSessionCookie(await sessionCookieFor(admin));
    const refused = await updateInactivityDays({}, form({ staffInactiveDays: "12" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { staffInactiveDays: ["At least 30 days"] } });
    const month = await account("month", { lastLoginAt: daysAgo(40), createdAt: daysAgo(300) });
    expect(await runInactivityJob(now)).not.toContain(month.id);
    expect(await updateInactivityDays({}, form({ staffInactiveDays: "30" }))).toMatchObject({ ok: true });
    const saved = await db.auditEvent.findFirstOrThrow({
      where: { action: "settings.updated", targetId: "staffInactiveDays" },
    });
    expect(saved).toMatchObject({ actorId: admin.id, details: { value: 30 } });
    // At 30 days, the month-quiet account goes too (and the 89-day newcomer of the first test).
    expect(await runInactivityJob(now)).toContain(month.id);
    await db.setting.delete({ where: { key: "staffInactiveDays" } });
  });
});

describe("what admins see on the Staff page", () => {
  it("lists accounts due within 14 days and those deactivated for inactivity, not by hand", async () => {
    const due = await account("due", { lastLoginAt: daysAgo(80), createdAt: daysAgo(300) });
    const later = await account("later", { lastLoginAt: daysAgo(70), createdAt: daysAgo(300) });
    const idle = await account("idle", { createdAt: daysAgo(100) });
    const byHand = await account("by-hand", { createdAt: daysAgo(100) });
    await deactivateInactive(db, 90, now);
    // Reactivated, then deactivated by an admin: no longer "for inactivity".
    await byAdmin((tx) => setActive(tx, admin.id, byHand.id, true));
    await byAdmin((tx) => setActive(tx, admin.id, byHand.id, false));

    const overview = await inactivityOverview(now);
    expect(overview.days).toBe(90);
    const dueSoon = overview.dueSoon.map((r) => r.id);
    expect(dueSoon).toContain(due.id);
    expect(dueSoon).not.toContain(later.id);
    expect(overview.dueSoon.find((r) => r.id === due.id)?.at).toEqual(
      new Date(due.lastLoginAt!.getTime() + 90 * 86_400_000),
    );
    const deactivated = overview.deactivated.map((r) => r.id);
    expect(deactivated).toContain(idle.id);
    expect(deactivated).not.toContain(byHand.id);
    expect(deactivated).not.toContain(due.id);
  });

  it("never deactivates the last active administrator: the most recently active one stays", async () => {
    // Every active admin goes quiet; the job keeps the one who signed in last, and lists it as due.
    await db.staffUser.updateMany({
      where: { role: "ADMIN", active: true },
      data: { lastLoginAt: daysAgo(200), createdAt: daysAgo(300) },
    });
    const last = await account("last-admin", { lastLoginAt: daysAgo(95), createdAt: daysAgo(300) }, "ADMIN");
    const done = await deactivateInactive(db, 90, now);
    expect(done).toContain(admin.id);
    expect(done).not.toContain(last.id);
    expect(await db.staffUser.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    expect((await inactivityOverview(now)).dueSoon.map((r) => r.id)).toContain(last.id);
  });
});
