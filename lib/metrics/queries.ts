import "server-only";
import type { Scope } from "@/lib/auth/record-scope";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListFilters } from "@/lib/verifications/list-params";
import { filterConditions, whereClause } from "@/lib/verifications/list-sql";
import { OPEN_STATUSES } from "@/lib/verifications/status";

// Typed literals, so that the status index serves the open-queue query.
const openStatus = Prisma.sql`v.status IN (${Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::"VerificationStatus"`))})`;

export type DayCounts = {
  day: string;
  approved: number;
  denied: number;
  resubmission: number;
  aborted: number;
  expired: number;
  open: number;
};

/** Verifications created per day (UTC), by where they ended up. */
export async function perDay(filters: ListFilters, scope: Scope): Promise<DayCounts[]> {
  const where = whereClause(filterConditions(filters, scope));
  return getDb().$queryRaw<DayCounts[]>`
    SELECT to_char(date_trunc('day', v."createdAt"), 'YYYY-MM-DD') AS day,
      count(*) FILTER (WHERE v.status = 'APPROVED')::int AS approved,
      count(*) FILTER (WHERE v.status = 'DENIED')::int AS denied,
      count(*) FILTER (WHERE v.status = 'RESUBMISSION_REQUESTED')::int AS resubmission,
      count(*) FILTER (WHERE v.status = 'ABORTED')::int AS aborted,
      count(*) FILTER (WHERE v.status IN ('EXPIRED', 'DELETED'))::int AS expired,
      count(*) FILTER (WHERE ${openStatus})::int AS open
    FROM verifications v ${where} GROUP BY 1 ORDER BY 1`;
}

export type DecisionTimes = {
  day: string | null;
  decided: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
};

/** Time from creation to a final decision: median and 90th percentile, overall and per day of creation. */
export async function decisionTimes(filters: ListFilters, scope: Scope): Promise<DecisionTimes[]> {
  const conditions = filterConditions(filters, scope);
  conditions.push(Prisma.sql`v."decidedAt" IS NOT NULL`);
  const seconds = Prisma.sql`extract(epoch FROM v."decidedAt" - v."createdAt")`;
  // GROUPING SETS: one pass gives each day and, with a null day, the whole period.
  return getDb().$queryRaw<DecisionTimes[]>`
    SELECT to_char(date_trunc('day', v."createdAt"), 'YYYY-MM-DD') AS day, count(*)::int AS decided,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds})::float8 AS "medianSeconds",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds})::float8 AS "p90Seconds"
    FROM verifications v ${whereClause(conditions)}
    GROUP BY GROUPING SETS ((date_trunc('day', v."createdAt")), ()) ORDER BY 1 NULLS FIRST`;
}

export type OfficerStats = {
  id: string;
  name: string;
  decisions: number;
  approve: number;
  reject: number;
  resubmission: number;
  abort: number;
  confirmed: number;
  overruled: number;
  pending: number;
};

/** Decisions per deciding officer, with how their four-eyes reviews went. */
export async function perOfficer(filters: ListFilters, scope: Scope): Promise<OfficerStats[]> {
  const where = whereClause(filterConditions(filters, scope));
  return getDb().$queryRaw<OfficerStats[]>`
    SELECT s.id, s.name, count(*)::int AS decisions,
      count(*) FILTER (WHERE d.outcome = 'APPROVE')::int AS approve,
      count(*) FILTER (WHERE d.outcome = 'REJECT')::int AS reject,
      count(*) FILTER (WHERE d.outcome = 'REQUEST_RESUBMISSION')::int AS resubmission,
      count(*) FILTER (WHERE d.outcome = 'ABORT')::int AS abort,
      count(*) FILTER (WHERE d.state = 'FINAL' AND d."reviewedById" IS NOT NULL)::int AS confirmed,
      count(*) FILTER (WHERE d.state = 'OVERRULED')::int AS overruled,
      count(*) FILTER (WHERE d.state = 'PENDING_SECOND_REVIEW')::int AS pending
    FROM verifications v
    JOIN decisions d ON d."verificationId" = v.id
    JOIN staff_users s ON s.id = d."decidedById"
    ${where} GROUP BY s.id, s.name ORDER BY decisions DESC, s.name`;
}

// The queue's age bands, in the order of the query's b0…b5; the page names them (messages: metrics.ageBucket).
const AGE_BUCKETS = ["underHour", "hours1to4", "hours4to24", "days1to3", "days3to7", "overWeek"] as const;

type AgeBucket = (typeof AGE_BUCKETS)[number];

export type QueueAge = { buckets: { bucket: AgeBucket; count: number }[]; open: number; oldest: Date | null };

/** The open queue now, by age. The date range does not apply: an old open case is the point. */
export async function queueAge(filters: ListFilters, scope: Scope): Promise<QueueAge> {
  const { from: _f, to: _t, ...rest } = filters;
  const conditions = filterConditions(rest, scope);
  conditions.push(openStatus);
  const age = Prisma.sql`((now() AT TIME ZONE 'UTC') - v."createdAt")`;
  const [row] = await getDb().$queryRaw<Array<Record<string, number> & { oldest: Date | null }>>`
    SELECT count(*)::int AS open, min(v."createdAt") AS oldest,
      count(*) FILTER (WHERE ${age} < interval '1 hour')::int AS b0,
      count(*) FILTER (WHERE ${age} >= interval '1 hour' AND ${age} < interval '4 hours')::int AS b1,
      count(*) FILTER (WHERE ${age} >= interval '4 hours' AND ${age} < interval '1 day')::int AS b2,
      count(*) FILTER (WHERE ${age} >= interval '1 day' AND ${age} < interval '3 days')::int AS b3,
      count(*) FILTER (WHERE ${age} >= interval '3 days' AND ${age} < interval '7 days')::int AS b4,
      count(*) FILTER (WHERE ${age} >= interval '7 days')::int AS b5
    FROM verifications v ${whereClause(conditions)}`;
  return {
    open: row?.open ?? 0,
    oldest: row?.oldest ?? null,
    buckets: AGE_BUCKETS.map((bucket, i) => ({ bucket, count: row?.[`b${i}`] ?? 0 })),
  };
}
