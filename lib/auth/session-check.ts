import "server-only";
import { isRole } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionClaims } from "@/lib/auth/session-token";
import { twoFactorRequired } from "@/lib/auth/two-factor-policy";
import type { Db } from "@/lib/db";

/** What the rest of the app knows about the signed-in person: never a raw row. */
export type SessionUser = { id: string; email: string; name: string; role: Role };

/** The same, with what the sign-in gates need. */
export type VerifiedUser = SessionUser & {
  twoFactorEnabled: boolean;
  /** No two-factor sign-in yet, and the role (with today's Settings) requires it: enrolment comes first. */
  enrolmentRequired: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The cookie's claims against the database. A deactivation, a role change, a 2FA reset or a new password
 * (each bumps sessionVersion) ends every session of that person on their next request.
 */
export async function checkSession(
  db: Pick<Db, "staffUser" | "setting">,
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
    },
  });
  if (!user || !user.active || !isRole(user.role)) return null;
  if (user.role !== claims.role || user.sessionVersion !== claims.sv) return null;
  const twoFactorEnabled = user.totpEnabledAt !== null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    twoFactorEnabled,
    // Read on every request, so tightening the setting sends everyone affected to enrolment at once.
    enrolmentRequired: !twoFactorEnabled && (await twoFactorRequired(user.role, db)),
  };
}

/** Someone who must use two-factor sign-in and has not set it up may do nothing but set it up. */
export function mustEnrolTwoFactor(user: VerifiedUser): boolean {
  return user.enrolmentRequired;
}
