import "server-only";
import { getDb } from "@/lib/db";
import type { Role, StaffRequestKind } from "@/lib/generated/prisma/enums";

export type StaffRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  invited: boolean;
  twoFactor: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  /** Auditors only: when sign-in stops, and the verifications' creation dates they see ([from, to)). */
  accessExpiresAt: Date | null;
  scopeFrom: Date | null;
  scopeTo: Date | null;
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
      accessExpiresAt: true,
      scopeFrom: true,
      scopeTo: true,
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

export type StaffRequestRow = {
  id: string;
  kind: StaffRequestKind;
  role: Role;
  /** The person: the invitee, or whose role would change (with their role now). */
  email: string;
  name: string;
  currentRole: Role | null;
  requestedById: string;
  requestedByName: string;
  createdAt: Date;
  /** Whether any active administrator other than the requester exists to approve it. */
  approverExists: boolean;
  /** An auditor invitation's access, shown to the approver. */
  accessExpiresAt: Date | null;
  scopeFrom: Date | null;
  scopeTo: Date | null;
};

export async function listStaffRequests(): Promise<StaffRequestRow[]> {
  const db = getDb();
  const [rows, admins] = await Promise.all([
    db.staffRequest.findMany({
      orderBy: { createdAt: "asc" },
      include: {
        user: { select: { email: true, name: true, role: true } },
        requestedBy: { select: { name: true } },
      },
    }),
    db.staffUser.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } }),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    role: r.role,
    email: r.user?.email ?? r.email ?? "",
    name: r.user?.name ?? r.name ?? "",
    currentRole: r.user?.role ?? null,
    requestedById: r.requestedById,
    requestedByName: r.requestedBy.name,
    createdAt: r.createdAt,
    approverExists: admins.some((a) => a.id !== r.requestedById),
    accessExpiresAt: r.accessExpiresAt,
    scopeFrom: r.scopeFrom,
    scopeTo: r.scopeTo,
  }));
}
