import "server-only";
import type { AuditEntry } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { markOffline } from "@/lib/desk/presence";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Deactivated = { id: string; lastLoginAt: Date | null; activeSince: Date | null; createdAt: Date };

/**
 * Deactivates the active accounts matching `where` and ends their sessions (a new session version), each
 * audited once with `entry`: the update takes only rows still active, so a second run, or two triggers at
 * once, finds nothing left to do. Shared by the jobs that end accounts by themselves (auditor expiry,
 * inactivity).
 */
export async function deactivateWhere(
  tx: Tx,
  where: Prisma.StaffUserWhereInput,
  entry: (user: Deactivated) => AuditEntry,
): Promise<Deactivated[]> {
  const users = await tx.staffUser.updateManyAndReturn({
    where: { ...where, active: true },
    data: { active: false, sessionVersion: { increment: 1 } },
    select: { id: true, lastLoginAt: true, activeSince: true, createdAt: true },
  });
  await markOffline(
    tx,
    users.map((u) => u.id),
  );
  for (const user of users) await recordAudit(tx, entry(user));
  return users;
}
