import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import type { Clock, ClockContext } from "@/lib/desk/clock";
import { clockContext } from "@/lib/desk/policy";
import type { DecisionOutcome, DeskStage, VerificationStatus } from "@/lib/generated/prisma/enums";
import { scopeOf, type Scope } from "@/lib/auth/record-scope";
import { getDb } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/verifications/cursor";
import { countVerifications, type ApproximateCount } from "@/lib/verifications/count";
import type { ListFilters, ListParams, SortKey } from "@/lib/verifications/list-params";
import { filterConditions, listQuery, sortValue, type Page } from "@/lib/verifications/list-sql";

export type VerificationRow = {
  id: string;
  scanRef: string;
  clientId: string;
  clientName: string | null;
  status: VerificationStatus;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
  assignee: string | null;
  /** The outcome of the newest decision that stands (not overruled), if any. */
  decision: DecisionOutcome | null;
  fourEyesPending: boolean;
  recordings: number;
  /** Where the case stands (lib/desk/stage.ts), since when, when its target falls due and its clock. */
  stage: DeskStage;
  stageSince: Date;
  dueAt: Date | null;
  clock: Clock | null;
};

export type VerificationPage = {
  rows: VerificationRow[];
  nextCursor: string | null;
  prevCursor: string | null;
  count: ApproximateCount;
};

/**
 * What the per-record rule lets the user see, narrowed to their own work when they ask for it. Only a view of
 * everything narrows: "mine" never widens a scope (an auditor's dates, or an officer's own rule).
 */
export function scopeFor(user: SessionUser, view: ListFilters["view"]): Scope {
  const scope = scopeOf(user);
  return view === "mine" && scope.kind === "all" ? { kind: "mine", userId: user.id } : scope;
}

type RawRow = Omit<VerificationRow, "clientName"> & { firstName: string | null; lastName: string | null };

async function fetchPage(
  filters: ListFilters,
  scope: Scope,
  sort: SortKey,
  page: Page,
  limit: number,
  clock: ClockContext,
) {
  const rows = await getDb().$queryRaw<RawRow[]>(listQuery(filters, scope, sort, page, limit, clock));
  return rows.map(({ firstName, lastName, ...r }) => ({
    ...r,
    clientName: [firstName, lastName].filter(Boolean).join(" ") || null,
  }));
}

/** One page of the list as the URL describes it, with cursors to the pages either side. */
export async function listVerifications(
  user: SessionUser,
  params: ListParams,
  pageSize = 50,
): Promise<VerificationPage> {
  const sort = params.sort ?? "created_desc";
  const scope = scopeFor(user, params.view);
  const backwards = !params.after && Boolean(params.before);
  const cursor = decodeCursor(backwards ? params.before : params.after);
  const clock = await clockContext();
  const [fetched, count] = await Promise.all([
    fetchPage(params, scope, sort, { cursor, backwards }, pageSize + 1, clock),
    countVerifications(filterConditions(params, scope, clock)),
  ]);
  const more = fetched.length > pageSize;
  const rows = fetched.slice(0, pageSize);
  if (backwards) rows.reverse();
  const edge = (row: VerificationRow | undefined) =>
    row ? encodeCursor({ value: sortValue(sort, row), id: row.id }) : null;
  return {
    rows,
    count,
    // Forwards, a cursor means a page came before; backwards, one more row than asked means one still does.
    nextCursor: backwards ? (cursor ? edge(rows.at(-1)) : null) : more ? edge(rows.at(-1)) : null,
    prevCursor: backwards ? (more ? edge(rows[0]) : null) : cursor ? edge(rows[0]) : null,
  };
}

/** Every matching row, a page at a time, for streaming exports: never the whole set in memory. */
export async function* verificationPages(
  user: SessionUser,
  filters: ListFilters,
  sort: SortKey = "created_desc",
  pageSize = 1000,
): AsyncGenerator<VerificationRow[]> {
  const scope = scopeFor(user, filters.view);
  // One reading of the clock for the whole export, so a case never changes clock between two pages.
  const clock = await clockContext();
  let cursor = null;
  for (;;) {
    const rows = await fetchPage(filters, scope, sort, { cursor, backwards: false }, pageSize, clock);
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    const last = rows.at(-1)!;
    cursor = { value: sortValue(sort, last), id: last.id };
  }
}
