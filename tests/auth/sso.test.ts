import { describe, expect, it } from "vitest";
import { checkSession } from "@/lib/auth/session-check";
import { claimsFrom, nowSeconds, readSessionToken, reissueSessionToken } from "@/lib/auth/session-token";
import { signInWithSso } from "@/lib/auth/sso";
import { parseRoleMap, type SsoProfile } from "@/lib/auth/sso-config";
import { getDb } from "@/lib/db";
import { auditActions, createStaff, ctx } from "./support";

const db = getDb();
const roles = parseRoleMap("kyc-officers=OFFICER,kyc-leads=LEAD,kyc-ops=OPS,kyc-admins=ADMIN").map;
const settings = { roles, autoCreate: false };
const profile = (email: string, groups: string[], more: Partial<SsoProfile> = {}): SsoProfile => ({
  email,
  emailVerified: true,
  name: "From The IdP",
  groups,
  ...more,
});

async function failures(actorId?: string) {
  const rows = await db.auditEvent.findMany({
    where: { action: "auth.login_failed", ...(actorId ? { actorId } : {}) },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => (r.details as { reason: string }).reason);
}

describe("signing in through the IdP", () => {
  it("matches the verified email case-insensitively and signs in with the role the groups give", async () => {
    const user = await createStaff("OFFICER");
    const outcome = await signInWithSso(profile(user.email.toUpperCase(), ["kyc-officers"]), settings, ctx());
    expect(outcome).toMatchObject({ status: "ok", user: { id: user.id, role: "OFFICER" } });
    const login = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.login", actorId: user.id } });
    expect(login.details).toEqual({ method: "sso" });
    // No role change, so no sync and the same session version.
    expect(await auditActions({ targetId: user.id })).toEqual(["auth.login"]);
  });

  it("takes a role changed at the IdP at the next sign-in: new role, old sessions ended, audited from/to", async () => {
    const user = await createStaff("OPS");
    const outcome = await signInWithSso(profile(user.email, ["kyc-ops", "kyc-leads"]), settings, ctx());
    expect(outcome).toMatchObject({ status: "ok", user: { role: "LEAD", sessionVersion: 1 } });
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect([row.role, row.sessionVersion]).toEqual(["LEAD", 1]);
    const synced = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.role_synced", targetId: user.id },
    });
    expect(synced.details).toEqual({ from: "OPS", to: "LEAD" });
    expect(synced.actorId).toBe(user.id);
    const old = { sub: user.id, role: "OPS", sv: 0, loginAt: nowSeconds() };
    expect(await checkSession(db, old)).toBeNull();
  });

  it("never demotes the last active administrator", async () => {
    await db.staffUser.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const admin = await createStaff("ADMIN");
    const outcome = await signInWithSso(profile(admin.email, ["kyc-officers"]), settings, ctx());
    expect(outcome).toMatchObject({ status: "ok", user: { role: "ADMIN" } });
    await createStaff("ADMIN");
    expect(await signInWithSso(profile(admin.email, ["kyc-officers"]), settings, ctx())).toMatchObject({
      user: { role: "OFFICER" },
    });
  });

  it("refuses, and audits, an unverified email, a deactivated account, an auditor and no mapped group", async () => {
    const inactive = await createStaff("OFFICER", { active: false });
    const auditor = await createStaff("AUDITOR", {
      access: { accessExpiresAt: new Date(Date.now() + 86_400_000) },
    });
    const unmapped = await createStaff("OPS");
    const cases = [
      [profile(unmapped.email, ["kyc-ops"], { emailVerified: false }), "email_unverified"],
      [profile(unmapped.email, ["kyc-ops"], { email: null }), "email_unverified"],
      // The back office's deactivation wins, whatever the IdP's groups say.
      [profile(inactive.email, ["kyc-admins"]), "inactive"],
      [profile(auditor.email, ["kyc-leads"]), "auditor"],
      [profile(unmapped.email, ["marketing"]), "no_mapped_group"],
    ] as const;
    for (const [p, reason] of cases) {
      expect(await signInWithSso(p, settings, ctx())).toEqual({ status: "refused", reason });
    }
    expect(await failures(inactive.id)).toEqual(["sso_inactive"]);
    expect(await failures(auditor.id)).toEqual(["sso_auditor"]);
    expect(await failures(unmapped.id)).toEqual(["sso_no_mapped_group"]);
    const after = await db.staffUser.findMany({ where: { id: { in: [inactive.id, unmapped.id] } } });
    expect(after.map((u) => [u.role, u.active, u.sessionVersion]).sort()).toEqual([
      ["OFFICER", false, 0],
      ["OPS", true, 0],
    ]);
  });

  it("creates no account unless OIDC_AUTO_CREATE is on; then one with the mapped role, no password, ids only", async () => {
    const email = `new-${Date.now()}@bank.test`;
    expect(await signInWithSso(profile(email, ["kyc-leads"]), settings, ctx())).toEqual({
      status: "refused",
      reason: "no_account",
    });
    expect(await db.staffUser.count({ where: { email } })).toBe(0);
    // No account, so no address in the trail: only the reason.
    const refusal = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.login_failed" },
      orderBy: { id: "desc" },
    });
    expect([refusal.actorEmail, refusal.details]).toEqual([null, { reason: "sso_no_account" }]);

    const outcome = await signInWithSso(profile(email, ["kyc-leads"]), { roles, autoCreate: true }, ctx());
    const row = await db.staffUser.findUniqueOrThrow({ where: { email } });
    expect(outcome).toMatchObject({ status: "ok", user: { id: row.id, role: "LEAD" } });
    expect([row.name, row.passwordHash, row.active]).toEqual(["From The IdP", null, true]);
    const created = await db.auditEvent.findFirstOrThrow({
      where: { action: "staff.created", targetId: row.id },
    });
    expect(created.details).toEqual({ role: "LEAD", via: "sso" });
    expect(await auditActions({ targetId: row.id })).toEqual(["staff.created", "auth.login"]);
  });
});

describe("two-factor enrolment and SSO sessions", () => {
  it("is the IdP's business for an SSO session, and still demanded of a password session", async () => {
    const lead = await createStaff("LEAD");
    const claims = { sub: lead.id, role: "LEAD", sv: 0, loginAt: nowSeconds() };
    expect(await checkSession(db, claims)).toMatchObject({ enrolmentRequired: true, sso: false });
    expect(await checkSession(db, { ...claims, sso: true })).toMatchObject({
      enrolmentRequired: false,
      sso: true,
    });
  });

  it("keeps the SSO flag through the proxy's re-issue, and only a true one", async () => {
    const claims = { sub: "s", role: "OFFICER", sv: 0, loginAt: nowSeconds(), sso: true as const };
    expect(await readSessionToken(await reissueSessionToken(claims))).toEqual(claims);
    expect(claimsFrom({ ...claims, sso: "yes" })).not.toHaveProperty("sso");
  });
});
