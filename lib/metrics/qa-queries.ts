import "server-only";
import type { Scope } from "@/lib/auth/record-scope";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListFilters } from "@/lib/verifications/list-params";
import { filterConditions, whereClause } from "@/lib/verifications/list-sql";

const allOf = (c: Prisma.Sql[]) => (c.length ? Prisma.join(c, " AND ") : Prisma.sql`TRUE`);

export type OfficerQa = {
  id: string;
  name: string;
  decided: number;
  sampled: number;
  qaReviewed: number;
  qaAgreed: number;
  /** Median seconds from the call finishing (the newest call finished before the decision) to the decision. */
  medianCallToDecisionSeconds: number | null;
};

/** Per deciding officer: decisions, how many were drawn for QA and how QA judged them, and their pace. */
export async function qaPerOfficer(filters: ListFilters, scope: Scope): Promise<OfficerQa[]> {
  const where = whereClause(filterConditions(filters, scope));
  return getDb().$queryRaw<OfficerQa[]>`
    SELECT s.id, s.name, count(*)::int AS decided,
      count(q.id)::int AS sampled,
      count(q."reviewedAt")::int AS "qaReviewed",
      count(*) FILTER (WHERE q.verdict = 'AGREE')::int AS "qaAgreed",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d."createdAt" - (
        SELECT max(c."finishedAt") FROM video_calls c
        WHERE c."verificationId" = v.id AND c."finishedAt" <= d."createdAt")))::float8
        AS "medianCallToDecisionSeconds"
    FROM verifications v
    JOIN decisions d ON d."verificationId" = v.id
    JOIN staff_users s ON s.id = d."decidedById"
    LEFT JOIN qa_samples q ON q."decisionId" = d.id
    ${where} GROUP BY s.id, s.name ORDER BY decided DESC, s.name`;
}

export type ReviewerQa = {
  id: string;
  name: string;
  /** Samples assigned to them and not yet reviewed, now: the date range does not apply. */
  backlog: number;
  reviewed: number;
  medianReviewSeconds: number | null;
};

/** Per QA reviewer: their backlog now, and the reviews they gave in the period with how long a sample waited. */
export async function qaPerReviewer(filters: ListFilters, scope: Scope): Promise<ReviewerQa[]> {
  const { from: _f, to: _t, ...undated } = filters;
  const inRange = allOf(filterConditions(filters, scope));
  const now = allOf(filterConditions(undated, scope));
  const mine = Prisma.sql`q."reviewerId" = s.id AND ${inRange}`;
  return getDb().$queryRaw<ReviewerQa[]>`
    SELECT s.id, s.name,
      count(*) FILTER (WHERE q."assigneeId" = s.id AND q."reviewedAt" IS NULL AND ${now})::int AS backlog,
      count(*) FILTER (WHERE ${mine})::int AS reviewed,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM q."reviewedAt" - q."sampledAt"))
        FILTER (WHERE ${mine}))::float8 AS "medianReviewSeconds"
    FROM qa_samples q
    JOIN verifications v ON v.id = q."verificationId"
    JOIN staff_users s ON s.id = q."assigneeId" OR s.id = q."reviewerId"
    GROUP BY s.id, s.name
    HAVING count(*) FILTER (WHERE (q."assigneeId" = s.id AND q."reviewedAt" IS NULL AND ${now}) OR (${mine})) > 0
    ORDER BY backlog DESC, s.name`;
}
