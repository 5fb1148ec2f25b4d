import "server-only";
import type { AuditFilters } from "@/lib/audit/list-params";
import { auditScopeSql } from "@/lib/auth/record-scope";
import type { SessionUser } from "@/lib/auth/session-check";
import { getDb } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";

// The audit log as a scoped auditor sees it (lib/auth/record-scope.ts, auditScopeSql): the rule is a
// semi-join on verifications, which a Prisma filter cannot say, so the page's ids come from SQL with the
// same filters as lib/audit/queries.ts, then the rows from Prisma.

export type AuditViewer = Pick<SessionUser, "id" | "role" | "scopeDates">;

function filterSql(f: AuditFilters): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (f.actor) c.push(Prisma.sql`a."actorId" = ${f.actor}::uuid`);
  if (f.action) c.push(Prisma.sql`a.action = ${f.action}`);
  if (f.targetType) c.push(Prisma.sql`a."targetType" = ${f.targetType}`);
  if (f.targetId) c.push(Prisma.sql`a."targetId" = ${f.targetId}`);
  if (f.from) c.push(Prisma.sql`a."occurredAt" >= ${f.from}::date::timestamp`);
  if (f.to) c.push(Prisma.sql`a."occurredAt" < (${f.to}::date + 1)::timestamp`);
  return c;
}

type Keyset = { gt?: bigint; lt?: bigint };

/**
 * One page of events within the viewer's scope, by id in `order`, starting past `keyset`; null when the
 * viewer has no scope (the caller's own query then applies, unchanged).
 */
export async function scopedAuditPage(
  viewer: AuditViewer,
  filters: AuditFilters,
  keyset: Keyset,
  order: "asc" | "desc",
  take: number,
): Promise<AuditEvent[] | null> {
  const scope = auditScopeSql(viewer);
  if (!scope) return null;
  const c = [scope, ...filterSql(filters)];
  if (keyset.gt !== undefined) c.push(Prisma.sql`a.id > ${keyset.gt}`);
  if (keyset.lt !== undefined) c.push(Prisma.sql`a.id < ${keyset.lt}`);
  const db = getDb();
  const ids = await db.$queryRaw<{ id: bigint }[]>`SELECT a.id FROM audit_events a
    WHERE ${Prisma.join(c, " AND ")} ORDER BY a.id ${Prisma.raw(order === "asc" ? "ASC" : "DESC")} LIMIT ${take}`;
  if (!ids.length) return [];
  return db.auditEvent.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: { id: order } });
}
