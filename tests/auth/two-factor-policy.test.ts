// Two-factor for every role, the Settings switch that may relax it for officers and ops, and the attempt
// limits on the codes a signed-in person types: through the real server actions, with a session cookie.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { pendingEnrolment } from "@/lib/auth/enrolment";
import { authenticatePassword } from "@/lib/auth/login";
import type { Role } from "@/lib/generated/prisma/enums";
import { checkSession, mustEnrolTwoFactor } from "@/lib/auth/session-check";
import { nowSeconds, reissueSessionToken } from "@/lib/auth/session-token";
import { confirmTwoFactor, disableTwoFactor } from "@/lib/auth/two-factor-actions";
import { getDb } from "@/lib/db";
import { updateTwoFactorPolicy } from "@/lib/settings/actions";
import { getSettings } from "@/lib/settings/settings";
import { auditActions, createStaff, ctx, enrol, PASSWORD, totpCode } from "./support";

// The actions read the cookie and the request headers through next/headers; here they are the test's.
let cookie: string | undefined;
let ip = "203.0.113.50";
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": ip }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const db = getDb();
let n = 0;
beforeEach(() => {
  cookie = undefined;
  // A fresh address per test: only the account's own counter is under test unless a test says otherwise.
  ip = `203.0.113.${++n}`;
});

async function signedIn(user: { id: string; role: string; sessionVersion: number }) {
  cookie = await reissueSessionToken({
    sub: user.id,
    role: user.role,
    sv: user.sessionVersion,
    loginAt: nowSeconds(),
  });
}
function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
async function relax(roles: string[]) {
  await db.setting.upsert({
    where: { key: "twoFactorOptionalFor" },
    create: { key: "twoFactorOptionalFor", value: roles },
    update: { value: roles },
  });
}
const mustEnrol = async (user: { id: string; role: Role; sessionVersion: number }) =>
  mustEnrolTwoFactor(
    (await checkSession(db, { sub: user.id, role: user.role, sv: user.sessionVersion, loginAt: 0 }))!,
  );

describe("two-factor sign-in for every role", () => {
  it("is required of every role by default; Settings relax it for officers and ops only", async () => {
    await relax([]);
    const users = await Promise.all(
      (["OFFICER", "LEAD", "OPS", "ADMIN"] as const).map((r) => createStaff(r)),
    );
    for (const user of users) expect(await mustEnrol(user), user.role).toBe(true);
    // Even a hand-edited row naming admins and leads lets nobody off: the value is refused as a whole.
    await relax(["OFFICER", "OPS", "LEAD", "ADMIN"]);
    expect((await getSettings()).twoFactorOptionalFor).toEqual([]);
    for (const user of users) expect(await mustEnrol(user), user.role).toBe(true);
    await relax(["OFFICER", "OPS"]);
    const relaxed = await Promise.all(users.map(async (u) => [u.role, await mustEnrol(u)]));
    expect(Object.fromEntries(relaxed)).toEqual({ OFFICER: false, LEAD: true, OPS: false, ADMIN: true });
    await relax([]);
  });

  it("is changed on the Settings page by an admin, audited, and never for admins or leads", async () => {
    const admin = await createStaff("ADMIN", { enrolled: true });
    await signedIn(admin);
    const state = await updateTwoFactorPolicy({}, form({ OFFICER: "on", LEAD: "on", ADMIN: "on" }));
    expect(state.ok).toBe(true);
    expect((await getSettings()).twoFactorOptionalFor).toEqual(["OFFICER"]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "settings.updated", targetId: "twoFactorOptionalFor" },
    });
    expect(event).toMatchObject({ actorId: admin.id, details: { value: ["OFFICER"], previous: [] } });

    const officer = await createStaff("OFFICER");
    expect(await mustEnrol(officer)).toBe(false);
    await updateTwoFactorPolicy({}, form({}));
    expect(await mustEnrol(officer)).toBe(true);
    expect(await auditActions({ targetId: "twoFactorOptionalFor" })).toEqual([
      "settings.updated",
      "settings.updated",
    ]);
  });
});

describe("turning two-factor sign-in off", () => {
  it("is refused to a role that must keep it, with a right code", async () => {
    await relax([]);
    const officer = await createStaff("OFFICER");
    const { secret } = await enrol(officer.id);
    await signedIn(officer);
    const state = await disableTwoFactor({}, form({ code: totpCode(secret, 1) }));
    expect(state).toMatchObject({ ok: false, message: expect.stringContaining("must keep") });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({
      totpEnabledAt: expect.any(Date),
    });
  });

  it("counts wrong codes against the sign-in lockout, shared with the password step", async () => {
    await relax(["OPS"]);
    const ops = await createStaff("OPS");
    const { secret } = await enrol(ops.id);
    await signedIn(ops);
    // Two wrong passwords at sign-in and three wrong codes here: five failures on one account.
    for (let i = 0; i < 2; i++) {
      expect((await authenticatePassword({ email: ops.email, password: "wrong-pass" }, ctx(ip))).status).toBe(
        "failed",
      );
    }
    for (let i = 0; i < 3; i++) {
      const wrong = await disableTwoFactor({}, form({ code: "000000" }));
      expect(wrong).toMatchObject({ ok: false, fieldErrors: { code: ["That code did not work."] } });
    }
    const locked = await disableTwoFactor({}, form({ code: totpCode(secret, 1) }));
    expect(locked).toMatchObject({ ok: false, message: expect.stringContaining("Too many") });
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: ops.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // The lock holds at sign-in too, even with the right password.
    expect(await authenticatePassword({ email: ops.email, password: PASSWORD }, ctx(ip))).toEqual({
      status: "failed",
    });
    const actions = await auditActions({ targetId: ops.id });
    expect(actions.filter((a) => a === "auth.2fa_code_failed")).toHaveLength(4);
    expect(actions).toContain("auth.lockout");
    expect(actions).not.toContain("auth.2fa_disabled");
    await relax([]);
  });

  it("works with a right code where Settings allow it, and gives the attempt back", async () => {
    await relax(["OPS"]);
    const ops = await createStaff("OPS");
    const { secret } = await enrol(ops.id);
    await signedIn(ops);
    await disableTwoFactor({}, form({ code: "111111" }));
    const state = await disableTwoFactor({}, form({ code: totpCode(secret, 1) }));
    expect(state).toMatchObject({ ok: true });
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: ops.id } });
    expect(row).toMatchObject({ totpEnabledAt: null, totpSecret: null, failedLoginCount: 1 });
    expect(await auditActions({ targetId: ops.id })).toContain("auth.2fa_disabled");
    await relax([]);
  });
});

describe("confirming enrolment", () => {
  it("counts wrong codes against the same limits", async () => {
    const lead = await createStaff("LEAD");
    const pending = await pendingEnrolment(lead.id);
    await signedIn(lead);
    for (let i = 0; i < 5; i++) {
      expect((await confirmTwoFactor({}, form({ code: "000000" }))).ok).toBe(false);
    }
    const locked = await confirmTwoFactor({}, form({ code: totpCode(pending!.secret) }));
    expect(locked).toMatchObject({ ok: false, message: expect.stringContaining("Too many") });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: lead.id } })).totpEnabledAt).toBeNull();
    expect(await auditActions({ targetId: lead.id })).toContain("auth.lockout");
  });
});
