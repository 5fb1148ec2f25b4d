import "server-only";
import { getDb } from "@/lib/db";

export type StaffRow = {
  id: string;
  email: string;
  name: string;
  role: "OFFICER" | "LEAD" | "OPS" | "ADMIN";
  active: boolean;
  invited: boolean;
  twoFactor: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
};

export async function listStaff(): Promise<StaffRow[]> {
  const rows = await getDb().staffUser.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      passwordHash: true,
      totpEnabledAt: true,
      lockedUntil: true,
      lastLoginAt: true,
    },
  });
  const now = new Date();
  return rows.map(({ passwordHash, totpEnabledAt, lockedUntil, ...row }) => ({
    ...row,
    invited: passwordHash === null,
    twoFactor: totpEnabledAt !== null,
    lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil : null,
  }));
}
