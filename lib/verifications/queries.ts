import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";

export type VerificationRow = {
  id: string;
  scanRef: string;
  clientId: string;
  clientName: string | null;
  status: string;
  createdAt: Date;
  createdBy: string | null;
};

/** Newest verifications the user may see: leads and ops see all, officers their own and unassigned. */
export async function listRecentVerifications(user: SessionUser, limit = 50): Promise<VerificationRow[]> {
  const seesAll = can(user.role, "verification:read-all");
  const rows = await getDb().verification.findMany({
    where: seesAll ? {} : { OR: [{ assigneeId: user.id }, { assigneeId: null }, { createdById: user.id }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      scanRef: true,
      clientId: true,
      firstName: true,
      lastName: true,
      status: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    scanRef: r.scanRef,
    clientId: r.clientId,
    clientName: [r.firstName, r.lastName].filter(Boolean).join(" ") || null,
    status: r.status,
    createdAt: r.createdAt,
    createdBy: r.createdBy?.name ?? null,
  }));
}
