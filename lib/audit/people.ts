import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { clientLabel } from "@/lib/verifications/purged";

// The trail names people by id only (lib/audit/actions.ts): the audit log shows who they are from the current
// rows, so a purged client shows as "deleted" and a staff member as they are named today.

export type AuditPeople = {
  /** Staff by id: "Name (email)". */
  staff: Record<string, string>;
  /** Verifications by id: the client's name or client ID, or "deleted" once purged. */
  clients: Record<string, string>;
};

type Row = { actorId: string | null; targetType: string | null; targetId: string | null };

// Stored target ids are text: only a UUID can name a row, and anything else must not reach a uuid column.
const isId = (value: string | null): value is string => value !== null && z.uuid().safeParse(value).success;

const targetsOf = (rows: Row[], type: string) =>
  rows.filter((r) => r.targetType === type).map((r) => r.targetId);

export async function auditPeople(rows: Row[]): Promise<AuditPeople> {
  const staffIds = [
    ...new Set([...rows.map((r) => r.actorId), ...targetsOf(rows, "staff_user")].filter(isId)),
  ];
  const verificationIds = [...new Set(targetsOf(rows, "verification").filter(isId))];
  const db = getDb();
  const [staff, verifications] = await Promise.all([
    db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true, email: true } }),
    db.verification.findMany({
      where: { id: { in: verificationIds } },
      select: { id: true, clientId: true, firstName: true, lastName: true, purgedAt: true },
    }),
  ]);
  return {
    staff: Object.fromEntries(staff.map((s) => [s.id, `${s.name} (${s.email})`])),
    clients: Object.fromEntries(verifications.map((v) => [v.id, clientLabel(v)])),
  };
}
