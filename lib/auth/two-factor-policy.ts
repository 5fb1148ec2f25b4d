import "server-only";
import { requiresTwoFactor, TWO_FACTOR_OPTIONAL_ROLES, type Role } from "@/lib/auth/permissions";
import { getDb, type Db } from "@/lib/db";
import { getSettings } from "@/lib/settings/settings";

/** Whether this role must use two-factor sign-in now: always for admins and leads, else as Settings say. */
export async function twoFactorRequired(role: Role, db: Pick<Db, "setting"> = getDb()): Promise<boolean> {
  // Only a role that Settings can relax costs a query.
  if (!(TWO_FACTOR_OPTIONAL_ROLES as readonly Role[]).includes(role)) return true;
  return requiresTwoFactor(role, (await getSettings(db)).twoFactorOptionalFor);
}
