import "server-only";
import { isRole, requiresTwoFactor, type Role } from "@/lib/auth/permissions";
import type { SessionClaims } from "@/lib/auth/session-token";
import type { Db } from "@/lib/db";

/** What the rest of the app knows about the signed-in person: never a raw row. */
export type SessionUser = { id: string; email: string; name: string; role: Role };

/** The same, with what the sign-in gates need. */
export type VerifiedUser = SessionUser & { twoFactorEnabled: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The cookie's claims against the database. A deactivation, a role change, a 2FA reset or a new password
 * (each bumps sessionVersion) ends every session of that person on their next request.
 */
export async function checkSession(
  db: Pick<Db, "staffUser">,
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
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    twoFactorEnabled: user.totpEnabledAt !== null,
  };
}

/** An administrator without two-factor sign-in may do nothing but set it up. */
export function mustEnrolTwoFactor(user: VerifiedUser): boolean {
  return requiresTwoFactor(user.role) && !user.twoFactorEnabled;
}
