import { scopeSql, type Scope } from "@/lib/auth/record-scope";
import type { ClockContext } from "@/lib/desk/clock";
import { clockSql, stageRowSql } from "@/lib/desk/stage-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Cursor } from "@/lib/verifications/cursor";
import { SORTS, type ListFilters, type SortKey } from "@/lib/verifications/list-params";

// SQL fragments for the verification list, its export and its metrics. Every fragment is parameterised;
// identifiers come from fixed maps, never from the URL.

// Must stay identical to the expression of verifications_search_trgm_idx (hand-written migration).
const SEARCH_TEXT = Prisma.raw(
  `(v."scanRef" || ' ' || v."clientId" || ' ' || coalesce(v."firstName", '') || ' ' || coalesce(v."lastName", ''))`,
);
// Trigram search needs three characters; shorter text can only be a whole scanRef or client ID.
const MIN_PARTIAL_SEARCH = 3;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const liveDecision = Prisma.sql`SELECT 1 FROM decisions d WHERE d."verificationId" = v.id AND d.state <> 'OVERRULED'`;

function searchCondition(q: string): Prisma.Sql {
  if (q.length < MIN_PARTIAL_SEARCH) return Prisma.sql`(v."scanRef" = ${q} OR v."clientId" = ${q})`;
  return Prisma.sql`${SEARCH_TEXT} ILIKE ${`%${escapeLike(q)}%`}`;
}

/**
 * One condition per filter set, all to be ANDed; `v` is the verifications alias. The clock filter needs the
 * stage targets in force (lib/desk/policy.ts): a caller that lets it through passes them.
 */
export function filterConditions(filters: ListFilters, scope: Scope, clock?: ClockContext): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  const scoped = scopeSql(scope);
  if (scoped) c.push(scoped);
  if (filters.q) c.push(searchCondition(filters.q));
  if (filters.status) c.push(Prisma.sql`v.status = ${filters.status}::"VerificationStatus"`);
  if (filters.officer) c.push(Prisma.sql`v."createdById" = ${filters.officer}::uuid`);
  if (filters.assignee === "none") c.push(Prisma.sql`v."assigneeId" IS NULL`);
  else if (filters.assignee) c.push(Prisma.sql`v."assigneeId" = ${filters.assignee}::uuid`);
  if (filters.from) c.push(Prisma.sql`v."createdAt" >= ${filters.from}::date::timestamp`);
  if (filters.to) c.push(Prisma.sql`v."createdAt" < (${filters.to}::date + 1)::timestamp`);
  if (filters.decision === "none") c.push(Prisma.sql`NOT EXISTS (${liveDecision})`);
  else if (filters.decision) {
    c.push(Prisma.sql`EXISTS (${liveDecision} AND d.outcome = ${filters.decision}::"DecisionOutcome")`);
  }
  if (filters.fourEyes === "pending") {
    c.push(Prisma.sql`EXISTS (SELECT 1 FROM decisions d
      WHERE d."verificationId" = v.id AND d.state = 'PENDING_SECOND_REVIEW')`);
  }
  if (filters.recordings) {
    const exists = Prisma.sql`EXISTS (SELECT 1 FROM media_assets m WHERE m."verificationId" = v.id)`;
    c.push(filters.recordings === "yes" ? exists : Prisma.sql`NOT ${exists}`);
  }
  if (filters.clock) {
    if (!clock) throw new Error("The clock filter needs the stage targets in force");
    c.push(Prisma.sql`${clockSql(clock, clock.now)} = ${filters.clock}`);
  }
  return c;
}

export function whereClause(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

const COLUMN = {
  createdAt: { ref: Prisma.raw(`v."createdAt"`), cast: Prisma.raw("timestamp") },
  updatedAt: { ref: Prisma.raw(`v."updatedAt"`), cast: Prisma.raw("timestamp") },
  clientId: { ref: Prisma.raw(`v."clientId"`), cast: Prisma.raw("text") },
} as const;

export type Page = { cursor: Cursor | null; backwards: boolean };

/**
 * Keyset paging over (sort column, id), both in the sort's direction, so that one (column, id) index serves
 * every page at the same cost however deep. Reading backwards flips the order; the caller flips the rows.
 */
function keyset(sort: SortKey, page: Page): { condition: Prisma.Sql | null; orderBy: Prisma.Sql } {
  const { column, dir } = SORTS[sort];
  const { ref, cast } = COLUMN[column];
  const ascending = (dir === "asc") !== page.backwards;
  const order = Prisma.raw(ascending ? "ASC" : "DESC");
  const orderBy = Prisma.sql`ORDER BY ${ref} ${order}, v.id ${order}`;
  if (!page.cursor) return { condition: null, orderBy };
  const op = Prisma.raw(ascending ? ">" : "<");
  const condition = Prisma.sql`(${ref}, v.id) ${op} (${page.cursor.value}::${cast}, ${page.cursor.id}::uuid)`;
  return { condition, orderBy };
}

/** The sort value of a row, as a cursor carries it. */
export function sortValue(
  sort: SortKey,
  row: { createdAt: Date; updatedAt: Date; clientId: string },
): string {
  const { column } = SORTS[sort];
  return column === "clientId" ? row.clientId : row[column].toISOString();
}

/**
 * The list's SELECT: one page of rows with their names, standing decision, evidence and stage clock, in sort
 * order.
 */
export function listQuery(
  filters: ListFilters,
  scope: Scope,
  sort: SortKey,
  page: Page,
  limit: number,
  clock: ClockContext,
): Prisma.Sql {
  const { condition, orderBy } = keyset(sort, page);
  const conditions = filterConditions(filters, scope, clock);
  if (condition) conditions.push(condition);
  return Prisma.sql`
    SELECT v.id, v."scanRef", v."clientId", v."firstName", v."lastName", v.status::text AS status,
      v."createdAt", v."updatedAt", c.name AS "createdBy", a.name AS assignee,
      (SELECT d.outcome::text FROM decisions d WHERE d."verificationId" = v.id AND d.state <> 'OVERRULED'
        ORDER BY d."createdAt" DESC LIMIT 1) AS decision,
      EXISTS (SELECT 1 FROM decisions d
        WHERE d."verificationId" = v.id AND d.state = 'PENDING_SECOND_REVIEW') AS "fourEyesPending",
      (SELECT count(*) FROM media_assets m WHERE m."verificationId" = v.id)::int AS recordings,
      st.stage, st.since AS "stageSince", st."dueAt", st.clock
    FROM verifications v
    LEFT JOIN staff_users c ON c.id = v."createdById"
    LEFT JOIN staff_users a ON a.id = v."assigneeId"
    CROSS JOIN LATERAL (${stageRowSql(clock, clock.now)}) st
    ${whereClause(conditions)} ${orderBy} LIMIT ${limit}`;
}
