import "server-only";
import { accessEnded, expireAccess } from "@/lib/auth/access-expiry";
import { isRole } from "@/lib/auth/permissions";
import type { Language, Role } from "@/lib/generated/prisma/enums";
import type { SessionClaims } from "@/lib/auth/session-token";
import { twoFactorRequired } from "@/lib/auth/two-factor-policy";
import type { Db } from "@/lib/db";

/** An auditor's scope: the verifications created in [from, to); a null end is open. */
export type DateScope = { from: Date | null; to: Date | null };

/** What the rest of the app knows about the signed-in person: never a raw row. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Narrows what the per-record rule (lib/auth/record-scope.ts) shows; null for everyone but scoped auditors. */
  scopeDates: DateScope | null;
};

/** The same, with what the sign-in gates need. */
export type VerifiedUser = SessionUser & {
  twoFactorEnabled: boolean;
  /** No two-factor sign-in yet, and the role (with today's Settings) requires it: enrolment comes first. */
  enrolmentRequired: boolean;
  /** The IANA zone they chose to read dates in; null: their browser's (lib/time-zone.ts). */
  timeZone: string | null;
  language: Language | null;
  /** Signed in through the IdP: its second factor is the IdP's business, so ours is never demanded. */
  sso: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The cookie's claims against the database. A deactivation, a role change, a 2FA reset or a new password
 * (each bumps sessionVersion) ends every session of that person on their next request, and so does an
 * auditor's expiry, which also deactivates the account (audited once) if the daily job has not yet.
 */
export async function checkSession(
  db: Pick<Db, "staffUser" | "setting" | "$transaction">,
  claims: SessionClaims,
): Promise<VerifiedUser | null> {
  if (!UUID.test(claims.sub)) return null;
  const user = await db.staffUser.findUnique({
    where: { id: claims.sub },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      sessionVersion: true,
      totpEnabledAt: true,
      accessExpiresAt: true,
      scopeFrom: true,
      scopeTo: true,
      timeZone: true,
      language: true,
    },
  });
  if (!user || !user.active || !isRole(user.role)) return null;
  if (user.role !== claims.role || user.sessionVersion !== claims.sv) return null;
  if (accessEnded(user.accessExpiresAt)) {
    await expireAccess(db, "session", user.id);
    return null;
  }
  const { scopeFrom: from, scopeTo: to } = user;
  const twoFactorEnabled = user.totpEnabledAt !== null;
  const sso = claims.sso === true;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scopeDates: from || to ? { from, to } : null,
    twoFactorEnabled,
    // Read on every request, so tightening the setting sends everyone affected to enrolment at once. A password
    // session still needs our second factor even when the same person could also sign in through the IdP.
    enrolmentRequired: !sso && !twoFactorEnabled && (await twoFactorRequired(user.role, db)),
    timeZone: user.timeZone,
    language: user.language,
    sso,
  };
}

/** Someone who must use two-factor sign-in and has not set it up may do nothing but set it up. */
export function mustEnrolTwoFactor(user: VerifiedUser): boolean {
  return user.enrolmentRequired;
}
