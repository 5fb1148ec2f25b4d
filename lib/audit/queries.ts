import "server-only";
import { getDb } from "@/lib/db";
import type { AuditEvent, Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilters, AuditParams } from "@/lib/audit/list-params";
import { scopedAuditPage, type AuditViewer } from "@/lib/audit/scoped-queries";
import { idRangeFor } from "@/lib/audit/time-bounds";

export type AuditPage = { rows: AuditEvent[]; olderCursor: string | null; newerCursor: string | null };

const DAY = 86_400_000;

/**
 * Each filter maps onto an index: (actorId, id), (action, id), (targetType, targetId, id), and dates onto a
 * stretch of the primary key (time-bounds.ts), so no filter makes the database walk the whole log.
 */
async function where(filters: AuditFilters): Promise<Prisma.AuditEventWhereInput> {
  const from = filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined;
  const to = filters.to ? new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY) : undefined;
  const ids = from || to ? await idRangeFor(getDb(), from, to) : null;
  return {
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(from || to ? { occurredAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    ...(ids ? { AND: [{ id: ids }] } : {}),
  };
}

/**
 * Newest first, keyset on id: `after` continues to older rows, `before` goes back to newer ones. What the
 * viewer may see: the whole log, or for a scoped auditor only its verifications' events.
 */
export async function listAuditEvents(
  viewer: AuditViewer,
  params: AuditParams,
  pageSize = 50,
): Promise<AuditPage> {
  const backwards = !params.after && Boolean(params.before);
  const cursor = params.after ?? params.before;
  const keyset = cursor ? (backwards ? { gt: BigInt(cursor) } : { lt: BigInt(cursor) }) : {};
  const order = backwards ? "asc" : "desc";
  const scoped = await scopedAuditPage(viewer, params, keyset, order, pageSize + 1);
  const fetched =
    scoped ??
    (await getDb().auditEvent.findMany({
      where: { ...(await where(params)), ...(cursor ? { id: keyset } : {}) },
      orderBy: { id: order },
      take: pageSize + 1,
    }));
  const more = fetched.length > pageSize;
  const rows = fetched.slice(0, pageSize);
  if (backwards) rows.reverse();
  const id = (row: AuditEvent | undefined) => row?.id.toString() ?? null;
  return {
    rows,
    olderCursor: backwards ? (cursor ? id(rows.at(-1)) : null) : more ? id(rows.at(-1)) : null,
    newerCursor: backwards ? (more ? id(rows[0]) : null) : cursor ? id(rows[0]) : null,
  };
}

/** Every matching row the viewer may see, in chain order (oldest first), a page at a time, for the CSV. */
export async function* auditPages(
  viewer: AuditViewer,
  filters: AuditFilters,
  pageSize = 2000,
): AsyncGenerator<AuditEvent[]> {
  const base = await where(filters);
  let after = 0n;
  for (;;) {
    const rows =
      (await scopedAuditPage(viewer, filters, { gt: after }, "asc", pageSize)) ??
      (await getDb().auditEvent.findMany({
        where: { ...base, id: { gt: after } },
        orderBy: { id: "asc" },
        take: pageSize,
      }));
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.id;
  }
}

/** The people who appear as actors, for the filter: staff only, as the index is on actorId. */
export async function auditActors(): Promise<{ id: string; name: string; email: string }[]> {
  return getDb().staffUser.findMany({
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}
