import "server-only";
import type { ApiContext } from "@/lib/audit/types";
import { getDb } from "@/lib/db";
import { mayReadDecisions } from "@/lib/api/authorize";
import { parseQuery } from "@/lib/api/body";
import { presentVerification, verificationSelect } from "@/lib/api/present";
import { json } from "@/lib/api/problem";
import { changesQuery } from "@/lib/api/schemas";
import { decodeCursor, encodeCursor } from "@/lib/verifications/cursor";

/**
 * A change is listed only once it is this old. `updatedAt` is stamped when a statement runs, not when its
 * transaction commits: without the wait, a poll could pass a change still committing with an earlier stamp,
 * and the cursor would skip it for good. Every transaction that touches a verification is far shorter.
 */
export const SETTLE_MS = 5_000;

/**
 * GET /api/v1/changes: verifications in (updatedAt, id) order after the cursor, keyset-paginated, so rows
 * sharing a timestamp are neither skipped nor repeated across pages. Audited as the key with the ids shown.
 */
export async function listChanges(ctx: ApiContext, request: Request, now = new Date()): Promise<Response> {
  const query = await parseQuery(ctx, request, changesQuery);
  if (!query.ok) return query.response;
  const after = decodeCursor(query.data.cursor);
  const since = after ? new Date(after.value) : null;
  const rows = await getDb().verification.findMany({
    where: {
      updatedAt: { lte: new Date(now.getTime() - SETTLE_MS) },
      ...(since && after
        ? { OR: [{ updatedAt: { gt: since } }, { updatedAt: since, id: { gt: after.id } }] }
        : {}),
    },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: query.data.limit + 1,
    select: verificationSelect,
  });
  const page = rows.slice(0, query.data.limit);
  const last = page.at(-1);
  const decisions = mayReadDecisions(ctx);
  const nextCursor = last
    ? encodeCursor({ value: last.updatedAt.toISOString(), id: last.id })
    : (query.data.cursor ?? null);
  const details = {
    apiKeyId: ctx.apiKey.id,
    verificationIds: page.map((v) => v.id),
    decisions,
    cursor: after !== null,
  };
  await ctx.commit(async () => ({ value: null, audit: { action: "api.changes_listed", details } }));
  return json({
    data: page.map((v) => presentVerification(v, decisions)),
    nextCursor,
    hasMore: rows.length > query.data.limit,
  });
}
