import { describe, expect, it } from "vitest";
import { authenticatePassword } from "@/lib/auth/login";
import { sha256 } from "@/lib/auth/keys";
import { getDb } from "@/lib/db";
import { changeRole, inviteUser, reissueInvitation, setActive } from "@/lib/staff/commands";
import { acceptInvitation, findOpenInvitation } from "@/lib/staff/invitations";
import { createStaff, ctx } from "./support";

const db = getDb();
const meta = { requestId: "test", ip: "127.0.0.1", userAgent: "vitest" };
const NEW_PASSWORD = "Granite-meadow-owl-73";

async function onlyActiveAdmin() {
  await db.staffUser.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
  return createStaff("ADMIN");
}

describe("administrator safeguards", () => {
  it("refuses to deactivate yourself", async () => {
    const admin = await createStaff("ADMIN");
    await createStaff("ADMIN");
    const result = await db.$transaction((tx) => setActive(tx, admin.id, admin.id, false));
    expect(result.value).toMatchObject({ ok: false });
    expect(result.audit).toEqual([]);
  });

  it("refuses to deactivate or demote the last active administrator", async () => {
    const last = await onlyActiveAdmin();
    const actor = await createStaff("ADMIN", { active: false });
    const off = await db.$transaction((tx) => setActive(tx, actor.id, last.id, false));
    expect(off.value).toMatchObject({
      ok: false,
      // lib/ hands over the message key; validatedAction words it in the admin's language.
      message: "staff.errors.lastAdminDeactivate",
    });
    const demoted = await db.$transaction((tx) => changeRole(tx, actor.id, last.id, "LEAD"));
    expect(demoted.value).toMatchObject({ ok: false });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({
      role: "ADMIN",
      active: true,
    });
  });

  it("lets exactly one of two admins deactivate the other when they try at the same time", async () => {
    const a = await onlyActiveAdmin();
    const b = await createStaff("ADMIN");
    const results = await Promise.all([
      db.$transaction((tx) => setActive(tx, a.id, b.id, false)),
      db.$transaction((tx) => setActive(tx, b.id, a.id, false)),
    ]);
    expect(results.filter((r) => r.value.ok)).toHaveLength(1);
    expect(await db.staffUser.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("changes a role, bumps the session version and says what changed", async () => {
    const admin = await createStaff("ADMIN");
    const user = await createStaff("OFFICER");
    const result = await db.$transaction((tx) => changeRole(tx, admin.id, user.id, "LEAD"));
    expect(result.audit).toEqual([
      {
        action: "staff.role_changed",
        targetType: "staff_user",
        targetId: user.id,
        details: { from: "OFFICER", to: "LEAD" },
      },
    ]);
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      role: "LEAD",
      sessionVersion: user.sessionVersion + 1,
    });
  });
});

describe("invitations", () => {
  async function invite(email = `new-${Date.now()}-${Math.random()}@example.test`) {
    const result = await db.$transaction((tx) =>
      inviteUser(tx, { email, name: "New Person", role: "OFFICER", access: null }),
    );
    if (!result.value.ok) throw new Error(result.value.message);
    return { email, ...result.value.result, audit: result.audit };
  }

  it("stores only the token's hash, and the link sets a password once", async () => {
    const { email, token, userId, audit } = await invite();
    expect(audit[0]).toMatchObject({ action: "staff.invited", targetId: userId });
    const stored = await db.invitation.findFirstOrThrow({ where: { userId } });
    expect(stored.tokenHash).toBe(sha256(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(await findOpenInvitation(token)).toMatchObject({ email });

    expect(await acceptInvitation(token, "short", meta)).toMatchObject({ ok: false, field: "password" });
    expect(await findOpenInvitation(token)).not.toBeNull();
    expect(await acceptInvitation(token, NEW_PASSWORD, meta)).toEqual({ ok: true });
    expect(await acceptInvitation(token, "Another-good-pass-99", meta)).toMatchObject({ ok: false });

    expect((await authenticatePassword({ email, password: NEW_PASSWORD }, ctx())).status).toBe("ok");
    const actions = await db.auditEvent.findMany({ where: { targetId: userId }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["staff.invitation_accepted", "auth.login"]),
    );
  });

  it("refuses expired links and links replaced by a newer one", async () => {
    const first = await invite();
    await db.invitation.updateMany({
      where: { userId: first.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await acceptInvitation(first.token, NEW_PASSWORD, meta)).toMatchObject({ ok: false });

    const second = await invite();
    const reissued = await db.$transaction((tx) => reissueInvitation(tx, second.userId));
    if (!reissued.value.ok) throw new Error("reissue refused");
    expect(await findOpenInvitation(second.token)).toBeNull();
    expect(await acceptInvitation(reissued.value.result.token, NEW_PASSWORD, meta)).toEqual({ ok: true });
  });

  it("refuses a second account for the same email", async () => {
    const { email } = await invite();
    const again = await db.$transaction((tx) =>
      inviteUser(tx, { email, name: "Dup", role: "OPS", access: null }),
    );
    expect(again.value).toMatchObject({ ok: false });
  });
});
