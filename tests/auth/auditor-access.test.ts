// An auditor's access: invited with a mandatory expiry (at most 90 days, refused on the server) through the
// second admin's approval, moved within the cap, never made by a role change; it ends by itself, from the
// session check, the sign-in or the daily job, and the account is deactivated and audited exactly once.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { authenticatePassword } from "@/lib/auth/login";
import { checkSession } from "@/lib/auth/session-check";
import { claimsFrom, nowSeconds, reissueSessionToken } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db";
import { approveStaffRequest, changeStaffRole, inviteStaff, reactivateStaff } from "@/lib/staff/actions";
import { changeAuditorExpiry } from "@/lib/staff/auditor-actions";
import { runAccessExpiryJob } from "@/lib/staff/jobs";
import { createStaff, ctx, PASSWORD } from "./support";

let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const db = getDb();
const DAY = 86_400_000;
type Staff = Awaited<ReturnType<typeof createStaff>>;
const claimsOf = (u: Staff) => ({ sub: u.id, role: u.role, sv: u.sessionVersion, loginAt: nowSeconds() });
const as = async (u: Staff) => void (cookie = await reissueSessionToken(claimsOf(u)));
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
const auditor = (expiresInMs: number, scope: { scopeFrom?: Date; scopeTo?: Date } = {}) =>
  createStaff("AUDITOR", {
    enrolled: true,
    name: "Examiner",
    access: { accessExpiresAt: new Date(Date.now() + expiresInMs), ...scope },
  });
const expiredEvents = (userId: string) =>
  db.auditEvent.findMany({
    where: { action: "staff.access_expired", targetId: userId },
    select: { details: true },
  });
const expire = (u: Staff) =>
  db.staffUser.update({ where: { id: u.id }, data: { accessExpiresAt: new Date(Date.now() - 1000) } });

let admin: Staff;
let admin2: Staff;
beforeEach(async () => {
  [admin, admin2] = [
    await createStaff("ADMIN", { enrolled: true }),
    await createStaff("ADMIN", { enrolled: true }),
  ];
});

describe("the session of an auditor", () => {
  it("carries its scope until the expiry, then ends, and the account is deactivated and audited once", async () => {
    const from = new Date("2026-01-01T00:00:00Z");
    const user = await auditor(DAY, { scopeFrom: from });
    expect(await checkSession(db, claimsOf(user))).toMatchObject({ scopeDates: { from, to: null } });
    await expire(user);
    expect(await checkSession(db, claimsOf(user))).toBeNull();
    expect(await checkSession(db, claimsOf(user))).toBeNull();
    expect(await runAccessExpiryJob()).not.toContain(user.id);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
    // Ids only: the target names the account; nothing about the person in the details.
    expect(await expiredEvents(user.id)).toEqual([{ details: { via: "session" } }]);
  });

  it("is refused by the cookie itself past the expiry it carries, even before the database is asked", () => {
    const claims = { sub: "x", role: "AUDITOR", sv: 0, loginAt: nowSeconds() };
    expect(claimsFrom({ ...claims, until: nowSeconds() + 60 })).toMatchObject({ until: expect.any(Number) });
    expect(claimsFrom({ ...claims, until: nowSeconds() - 1 })).toBeNull();
    expect(claimsFrom({ ...claims, until: "never" })).toBeNull();
  });

  it("cannot begin after the expiry: the sign-in refuses and deactivates, audited once", async () => {
    const user = await auditor(DAY);
    await expire(user);
    expect(await authenticatePassword({ email: user.email, password: PASSWORD }, ctx())).toEqual({
      status: "failed",
    });
    expect(await authenticatePassword({ email: user.email, password: PASSWORD }, ctx())).toEqual({
      status: "failed",
    });
    expect(await expiredEvents(user.id)).toEqual([{ details: { via: "sign_in" } }]);
  });
});

describe("the daily job", () => {
  it("deactivates every expired auditor once, however often it runs, and nobody else", async () => {
    const [gone, alsoGone, current, officer] = [
      await auditor(DAY),
      await auditor(DAY),
      await auditor(DAY),
      await createStaff("OFFICER"),
    ];
    await expire(gone);
    await expire(alsoGone);
    const first = await runAccessExpiryJob();
    expect(first).toEqual(expect.arrayContaining([gone.id, alsoGone.id]));
    expect(first).not.toContain(current.id);
    expect(await runAccessExpiryJob()).toEqual([]);
    for (const u of [gone, alsoGone])
      expect(await expiredEvents(u.id)).toEqual([{ details: { via: "job" } }]);
    const still = await db.staffUser.findMany({
      where: { id: { in: [current.id, officer.id] } },
      select: { active: true },
    });
    expect(still.every((u) => u.active)).toBe(true);
  });

  it("reactivation waits for a new expiry; the change is audited and capped at 90 days on the server", async () => {
    const user = await auditor(DAY);
    await expire(user);
    await runAccessExpiryJob();
    await as(admin);
    expect(await reactivateStaff(user.id, {}, form({}))).toMatchObject({
      ok: false,
      message: expect.stringContaining("extend"),
    });
    const tooLong = await changeAuditorExpiry(user.id, {}, form({ accessExpires: dayFromNow(92) }));
    expect(tooLong).toMatchObject({
      ok: false,
      fieldErrors: { accessExpires: ["At most 90 days from now."] },
    });
    expect(tooLong.values).toEqual({ accessExpires: dayFromNow(92) });
    expect(await changeAuditorExpiry(user.id, {}, form({ accessExpires: dayFromNow(-1) }))).toMatchObject({
      ok: false,
    });
    expect(await changeAuditorExpiry(user.id, {}, form({ accessExpires: dayFromNow(30) }))).toMatchObject({
      ok: true,
    });
    expect(await reactivateStaff(user.id, {}, form({}))).toMatchObject({ ok: true });
    const changed = await db.auditEvent.findMany({
      where: { action: "staff.access_changed", targetId: user.id },
    });
    expect(changed).toHaveLength(1);
    // Not for accounts that have no expiry.
    const officer = await createStaff("OFFICER");
    expect(await changeAuditorExpiry(officer.id, {}, form({ accessExpires: dayFromNow(30) }))).toMatchObject({
      ok: false,
    });
  });
});

describe("inviting an auditor", () => {
  const invite = (fields: Record<string, string>) =>
    inviteStaff(
      {},
      form({
        email: `aud-${Math.random().toString(36).slice(2)}@example.test`,
        name: "Examiner",
        role: "AUDITOR",
        ...fields,
      }),
    );

  it("needs an expiry at most 90 days away, checked on the server, and a scope that does not end before it starts", async () => {
    await as(admin);
    expect(await invite({})).toMatchObject({
      ok: false,
      fieldErrors: { accessExpires: [expect.stringContaining("expiry")] },
    });
    expect(await invite({ accessExpires: dayFromNow(91) })).toMatchObject({
      fieldErrors: { accessExpires: ["At most 90 days from now."] },
    });
    expect(
      await invite({ accessExpires: dayFromNow(30), scopeFrom: "2026-02-01", scopeTo: "2026-01-01" }),
    ).toMatchObject({ fieldErrors: { scopeTo: [expect.any(String)] } });
    const officer = await inviteStaff(
      {},
      form({ email: "x@example.test", name: "X", role: "OFFICER", accessExpires: dayFromNow(30) }),
    );
    expect(officer).toMatchObject({
      ok: false,
      fieldErrors: { accessExpires: [expect.stringContaining("Only auditor")] },
    });
    expect(await db.staffRequest.count({ where: { role: "AUDITOR" } })).toBe(0);
  });

  it("waits for a second admin, who creates it with its expiry and scope", async () => {
    await as(admin);
    const email = `examiner-${Date.now()}@example.test`;
    const fields = {
      email,
      name: "Examiner",
      role: "AUDITOR",
      accessExpires: dayFromNow(60),
      scopeFrom: "2026-01-01",
      scopeTo: "2026-03-31",
    };
    expect(await inviteStaff({}, form(fields))).toMatchObject({
      ok: true,
      message: expect.stringContaining("approve"),
    });
    const request = await db.staffRequest.findUniqueOrThrow({ where: { email } });
    await as(admin2);
    expect(await approveStaffRequest({}, form({ requestId: request.id }))).toMatchObject({ ok: true });
    const user = await db.staffUser.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({
      role: "AUDITOR",
      accessExpiresAt: new Date(`${dayFromNow(60)}T00:00:00Z`),
      scopeFrom: new Date("2026-01-01T00:00:00Z"),
      scopeTo: new Date("2026-04-01T00:00:00Z"),
    });
  });

  it("is never done by a role change, either way", async () => {
    const officer = await createStaff("OFFICER");
    const examiner = await auditor(DAY);
    await as(admin);
    expect(await changeStaffRole(officer.id, {}, form({ role: "AUDITOR" }))).toMatchObject({ ok: false });
    expect(await changeStaffRole(examiner.id, {}, form({ role: "OFFICER" }))).toMatchObject({ ok: false });
    expect(await db.staffRequest.count({ where: { userId: { in: [officer.id, examiner.id] } } })).toBe(0);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: officer.id } })).role).toBe("OFFICER");
  });
});
