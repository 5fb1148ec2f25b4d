import "server-only";
import type { Db } from "@/lib/db";

// Ids and times rise together in the audit log (recordAudit reads the clock after taking the chain lock),
// but the planner does not know it: asked for "one day last spring, newest first" it walks the primary key
// back from today. Translating the dates into an id range first lets it read only that stretch.

// Clocks of different app servers may disagree a little: the id range is widened by this much, and the
// exact time filter still applies inside it.
const SKEW_MS = 60_000;

/** The smallest id written at or after `at` (or beyond the newest row), by binary search on the key. */
async function firstIdAtOrAfter(db: Db, at: Date): Promise<bigint> {
  const [first, last] = await Promise.all([
    db.auditEvent.findFirst({ orderBy: { id: "asc" }, select: { id: true } }),
    db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  if (!first || !last) return 0n;
  let lo = first.id;
  let hi = last.id + 1n;
  while (lo < hi) {
    const mid = (lo + hi) / 2n;
    const row = await db.auditEvent.findFirst({
      where: { id: { gte: mid } },
      orderBy: { id: "asc" },
      select: { id: true, occurredAt: true },
    });
    if (!row || row.occurredAt >= at) hi = mid;
    else lo = row.id + 1n;
  }
  return lo;
}

/** An id range holding every row from `from` (inclusive) to `to` (exclusive), or null bounds when open. */
export async function idRangeFor(db: Db, from?: Date, to?: Date): Promise<{ gte?: bigint; lt?: bigint }> {
  const [gte, lt] = await Promise.all([
    from ? firstIdAtOrAfter(db, new Date(from.getTime() - SKEW_MS)) : undefined,
    to ? firstIdAtOrAfter(db, new Date(to.getTime() + SKEW_MS)) : undefined,
  ]);
  return { ...(gte !== undefined ? { gte } : {}), ...(lt !== undefined ? { lt } : {}) };
}
