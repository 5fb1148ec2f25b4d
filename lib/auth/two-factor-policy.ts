import "server-only";
import { requiresTwoFactor, twoFactorRelaxable } from "@/lib/auth/permissions";
import { getDb, type Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { getSettings } from "@/lib/settings/settings";

/** Whether this role must use two-factor sign-in now: always for admins and leads, else as Settings say. */
export async function twoFactorRequired(role: Role, db: Pick<Db, "setting"> = getDb()): Promise<boolean> {
  // Only a role that Settings can relax costs a query.
  if (!twoFactorRelaxable(role)) return true;
  return requiresTwoFactor(role, (await getSettings(db)).twoFactorOptionalFor);
}
