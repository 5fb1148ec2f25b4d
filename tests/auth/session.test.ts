import { beforeEach, describe, expect, it, vi } from "vitest";
import { authorizeRoute } from "@/lib/auth/dal";
import { endSession } from "@/lib/auth/logout";
import { checkSession, mustEnrolTwoFactor } from "@/lib/auth/session-check";
import {
  ABSOLUTE_TIMEOUT_SECONDS,
  IDLE_TIMEOUT_SECONDS,
  claimsFrom,
  nowSeconds,
  readSessionToken,
  reissueDue,
  reissueSessionToken,
  REISSUE_AFTER_SECONDS,
  type SessionClaims,
} from "@/lib/auth/session-token";
import { getDb } from "@/lib/db";
import { changeRole, resetTwoFactor, setActive } from "@/lib/staff/commands";
import { createStaff, enrol } from "./support";

// The DAL reads the cookie through next/headers; here the cookie is whatever the test puts in `cookie`.
let cookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => (cookie === undefined ? undefined : { value: cookie }) }),
  headers: async () => new Headers(),
}));
beforeEach(() => {
  cookie = undefined;
});

const claimsOf = (user: { id: string; role: string; sessionVersion: number }): SessionClaims => ({
  sub: user.id,
  role: user.role,
  sv: user.sessionVersion,
  loginAt: nowSeconds(),
});
const db = getDb();
const ADMIN_ID = "00000000-0000-4000-8000-000000000000";

describe("the database check behind every request", () => {
  it("accepts matching claims", async () => {
    const user = await createStaff("LEAD");
    expect(await checkSession(db, claimsOf(user))).toMatchObject({ id: user.id, role: "LEAD" });
  });

  it("rejects a deactivated user at once", async () => {
    const user = await createStaff();
    const claims = claimsOf(user);
    await db.$transaction((tx) => setActive(tx, ADMIN_ID, user.id, false));
    expect(await checkSession(db, claims)).toBeNull();
    // Even a cookie carrying the new version is refused while inactive.
    expect(await checkSession(db, { ...claims, sv: claims.sv + 1 })).toBeNull();
  });

  it("rejects a session whose role has changed", async () => {
    const user = await createStaff("LEAD");
    const claims = claimsOf(user);
    await db.$transaction((tx) => changeRole(tx, ADMIN_ID, user.id, "OFFICER"));
    expect(await checkSession(db, claims)).toBeNull();
    expect(await checkSession(db, { ...claims, role: "OFFICER" })).toBeNull();
  });

  it("rejects sessions from before a two-factor reset", async () => {
    const user = await createStaff("OFFICER", { enrolled: true });
    const claims = claimsOf(user);
    await db.$transaction((tx) => resetTwoFactor(tx, ADMIN_ID, user.id));
    expect(await checkSession(db, claims)).toBeNull();
  });

  it("rejects the cookie after sign-out, even a copy of it", async () => {
    const user = await createStaff("OPS");
    const claims = claimsOf(user);
    await endSession({ ...claims });
    expect(await checkSession(db, claims)).toBeNull();
    const events = await db.auditEvent.findMany({ where: { actorId: user.id }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["auth.logout"]);
  });

  it("rejects claims naming no user, or not a uuid", async () => {
    expect(await checkSession(db, { sub: ADMIN_ID, role: "ADMIN", sv: 0, loginAt: nowSeconds() })).toBeNull();
    expect(
      await checkSession(db, { sub: "x' OR 1=1", role: "ADMIN", sv: 0, loginAt: nowSeconds() }),
    ).toBeNull();
  });

  it.each(["OFFICER", "LEAD", "OPS", "ADMIN"] as const)(
    "sends a %s without two-factor to enrolment",
    async (role) => {
      const user = await createStaff(role);
      const session = (await checkSession(db, claimsOf(user)))!;
      expect(mustEnrolTwoFactor(session)).toBe(true);
      await enrol(user.id);
      expect(mustEnrolTwoFactor((await checkSession(db, claimsOf(user)))!)).toBe(false);
    },
  );
});

describe("the session cookie", () => {
  it("ends 12 hours after sign-in however active the session", async () => {
    const claims: SessionClaims = { sub: ADMIN_ID, role: "OPS", sv: 0, loginAt: nowSeconds() };
    expect(claimsFrom(claims)).toEqual(claims);
    const stale = { ...claims, loginAt: nowSeconds() - ABSOLUTE_TIMEOUT_SECONDS - 1 };
    expect(claimsFrom(stale)).toBeNull();
    // Re-issuing (the idle refresh) keeps loginAt, so it cannot extend past the limit.
    expect(await readSessionToken(await reissueSessionToken(stale))).toBeNull();
    expect(await readSessionToken(await reissueSessionToken(claims))).toEqual(claims);
  });

  it("keeps no decrypted cookie past its expiry, and a changed cookie is decrypted afresh", async () => {
    const claims: SessionClaims = { sub: ADMIN_ID, role: "OPS", sv: 0, loginAt: nowSeconds() };
    const token = await reissueSessionToken(claims);
    expect(await readSessionToken(token)).toEqual(claims);
    expect(await readSessionToken(token)).toEqual(claims);
    const tampered = token.slice(0, -2) + (token.endsWith("A") ? "BB" : "AA");
    expect(await readSessionToken(tampered)).toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // Past the 30 idle minutes and next-auth's 15 s clock tolerance.
      vi.setSystemTime(Date.now() + (IDLE_TIMEOUT_SECONDS + 60) * 1000);
      expect(await readSessionToken(token)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("restarts the idle clock at most once a minute", async () => {
    const claims: SessionClaims = { sub: ADMIN_ID, role: "OPS", sv: 0, loginAt: nowSeconds() };
    const token = await reissueSessionToken(claims);
    // Unread (or absent) cookies have no known age: re-issue.
    expect(reissueDue(token)).toBe(true);
    expect(reissueDue(undefined)).toBe(true);
    await readSessionToken(token);
    expect(reissueDue(token)).toBe(false);
    expect(reissueDue(token, nowSeconds() + REISSUE_AFTER_SECONDS - 1)).toBe(false);
    expect(reissueDue(token, nowSeconds() + REISSUE_AFTER_SECONDS)).toBe(true);
  });

  it("refuses forged or partial tokens", async () => {
    expect(await readSessionToken("not-a-jwt")).toBeNull();
    expect(claimsFrom({ sub: ADMIN_ID, role: "OPS" })).toBeNull();
  });
});

describe("authorizeRoute", () => {
  it("answers 401 without a session, 403 without the permission, and lets the right role through", async () => {
    expect((await authorizeRoute("verification:read")) as { response: Response }).toHaveProperty(
      "response.status",
      401,
    );
    const ops = await createStaff("OPS", { enrolled: true });
    cookie = await reissueSessionToken(claimsOf(ops));
    const denied = await authorizeRoute("recording:view");
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.response.status).toBe(403);
    expect(await authorizeRoute("verification:read")).toMatchObject({ ok: true, user: { id: ops.id } });
  });

  it("refuses anyone who has not set up two-factor sign-in", async () => {
    const admin = await createStaff("ADMIN");
    cookie = await reissueSessionToken(claimsOf(admin));
    const result = await authorizeRoute("staff:manage");
    expect(result.ok ? 200 : result.response.status).toBe(403);
    const ops = await createStaff("OPS");
    cookie = await reissueSessionToken(claimsOf(ops));
    const unenrolled = await authorizeRoute("verification:read");
    expect(unenrolled.ok ? 200 : unenrolled.response.status).toBe(403);
  });
});
