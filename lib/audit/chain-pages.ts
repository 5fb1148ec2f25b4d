import type { AuditHashedRow } from "@/lib/audit/hash";

/** What the chain is read through: the app's pg pool, or any client with its query method. */
export type AuditSql = {
  query: <R extends object>(text: string, values: unknown[]) => Promise<{ rows: R[] }>;
};

/** One stored row, every column as the text PostgreSQL sends, which is all the hash needs. */
export type StoredAuditRow = Omit<AuditHashedRow, "occurredAt" | "details"> & {
  id: string;
  /** occurredAt in milliseconds since the epoch: exact, where a formatted date would drop the era. */
  at: string;
  /** The jsonb as text. */
  details: string;
  prevHash: string;
  hash: string;
};

/** Rows per query: two pages in memory, and small enough that V8's young generation stays small. */
export const AUDIT_PAGE_SIZE = 1000;

/** A StoredAuditRow's select list. (Ordering by `id` would order by this list's text id: say audit_events.id.) */
export const STORED_COLUMNS = `id::text AS id, (extract(epoch FROM "occurredAt") * 1000)::bigint::text AS at,
  "actorId"::text AS "actorId", "actorEmail", action, "targetType", "targetId", "requestId", ip, "userAgent",
  details::text AS details, "prevHash", hash`;

// Only a lower bound: with an upper one too, the planner may sort the whole range instead of reading the
// key in order. The caller stops at the newest row it means to check.
const PAGE = `SELECT ${STORED_COLUMNS} FROM audit_events WHERE id > $1 ORDER BY audit_events.id LIMIT $2`;

/**
 * The rows after `after` up to `upTo`, in id order, one page of `pageSize` at a time: a keyset walk, so
 * memory holds two pages whatever the length of the log, and each query is short (no snapshot held for the
 * whole walk). The next page is already asked for while the caller works through the current one.
 */
export async function* auditPages(
  sql: AuditSql,
  { after, upTo, pageSize }: { after: bigint; upTo: bigint; pageSize: number },
): AsyncGenerator<StoredAuditRow[]> {
  const read = (from: string) => {
    const page = sql.query<StoredAuditRow>(PAGE, [from, pageSize]).then((r) => r.rows);
    // A page asked for and then not needed (the walk stopped at a break) must not fail unheard.
    page.catch(() => undefined);
    return page;
  };
  let next: Promise<StoredAuditRow[]> | null = read(after.toString());
  while (next) {
    const rows: StoredAuditRow[] = await next;
    const last = rows.at(-1);
    next = last && rows.length === pageSize && BigInt(last.id) < upTo ? read(last.id) : null;
    const end = last && BigInt(last.id) > upTo ? rows.findIndex((r) => BigInt(r.id) > upTo) : rows.length;
    if (end > 0) yield end === rows.length ? rows : rows.slice(0, end);
  }
}
