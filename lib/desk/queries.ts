import "server-only";
import { decidingStaff } from "@/lib/staff/deciding-staff";
import type { Scope } from "@/lib/auth/record-scope";
import type { Clock, ClockContext } from "@/lib/desk/clock";

import { clockContext } from "@/lib/desk/policy";
import type { StageRows } from "@/lib/desk/stage";
import { stageRowSql } from "@/lib/desk/stage-sql";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeskStage, VerificationStatus } from "@/lib/generated/prisma/enums";
import type { ListFilters } from "@/lib/verifications/list-params";
import { filterConditions, whereClause } from "@/lib/verifications/list-sql";
import { OPEN_STATUSES } from "@/lib/verifications/status";

const openStatus = Prisma.sql`v.status IN (${Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::"VerificationStatus"`))})`;

export type StageCount = { stage: DeskStage; open: number; dueSoon: number; overdue: number };

/** Open cases now per stage, with how many are due soon and overdue: the dates and the clock filter do not apply. */
export async function stageCounts(filters: ListFilters, scope: Scope, clock: ClockContext) {
  const { from: _f, to: _t, clock: _c, ...rest } = filters;
  const conditions = filterConditions(rest, scope);
  conditions.push(openStatus);
  return getDb().$queryRaw<StageCount[]>`
    SELECT st.stage::"DeskStage" AS stage, count(*)::int AS open,
      count(*) FILTER (WHERE st.clock = 'due_soon')::int AS "dueSoon",
      count(*) FILTER (WHERE st.clock = 'overdue')::int AS overdue
    FROM verifications v CROSS JOIN LATERAL (${stageRowSql(clock, clock.now)}) st
    ${whereClause(conditions)} GROUP BY 1 ORDER BY 1`;
}

export type WorkItem = {
  id: string;
  scanRef: string;
  clientId: string;
  firstName: string | null;
  lastName: string | null;
  status: VerificationStatus;
  stage: DeskStage;
  since: Date;
  dueAt: Date | null;
  clock: Clock | null;
};

/**
 * The open cases assigned to one person, most urgent first: overdue (longest overdue first), then due soonest,
 * then those without a target, longest in their stage first.
 */
export async function myWork(userId: string, clock: ClockContext, limit = 200): Promise<WorkItem[]> {
  return getDb().$queryRaw<WorkItem[]>`
    SELECT v.id, v."scanRef", v."clientId", v."firstName", v."lastName", v.status::text AS status,
      st.stage, st.since, st."dueAt", st.clock
    FROM verifications v CROSS JOIN LATERAL (${stageRowSql(clock, clock.now)}) st
    WHERE v."assigneeId" = ${userId}::uuid AND ${openStatus}
    ORDER BY st."dueAt" ASC NULLS LAST, st.since ASC, v.id
    LIMIT ${limit}`;
}

/** One case's stage read from its rows with the TypeScript rules (lib/desk/stage.ts), which the SQL is held to. */
export async function stageRowsOf(verificationId: string): Promise<StageRows | null> {
  const v = await getDb().verification.findUnique({
    where: { id: verificationId },
    select: {
      status: true,
      tokenType: true,
      createdAt: true,
      updatedAt: true,
      decidedAt: true,
      linkDeliveries: { select: { createdAt: true, firstOpenedAt: true } },
      videoCalls: { select: { finishedAt: true } },
      mediaAssets: { select: { kind: true, createdAt: true } },
      decisions: { select: { state: true, createdAt: true, reviewedAt: true } },
      qaSamples: { where: { reopened: true }, select: { reviewedAt: true } },
    },
  });
  if (!v) return null;
  const { linkDeliveries, videoCalls, mediaAssets, qaSamples, ...rest } = v;
  return {
    ...rest,
    links: linkDeliveries,
    calls: videoCalls,
    media: mediaAssets,
    reopenedByQaAt: qaSamples.flatMap((q) => (q.reviewedAt ? [q.reviewedAt] : [])),
  };
}

/** Who a lead may hand cases to: active deciders (the server also checks their qualification). */
export async function deciderOptions(): Promise<{ value: string; label: string }[]> {
  const staff = await decidingStaff();
  return staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }));
}

export type CaseStage = { stage: DeskStage; since: Date; dueAt: Date | null; clock: Clock | null };

/**
 * One case's stage, since when, when it falls due and its clock at `clock.now`: the list's SQL
 * (lib/desk/stage-sql.ts), one statement where reading the rows took six, and the same answer by construction.
 */
export async function caseStage(verificationId: string, clock: ClockContext): Promise<CaseStage | null> {
  const [row] = await getDb().$queryRaw<CaseStage[]>`
    SELECT st.stage, st.since, st."dueAt", st.clock
    FROM verifications v CROSS JOIN LATERAL (${stageRowSql(clock, clock.now)}) st
    WHERE v.id = ${verificationId}::uuid`;
  return row ?? null;
}

/** One case's stage and its clock now, for the case page. */
export async function caseClock(verificationId: string): Promise<CaseStage | null> {
  return caseStage(verificationId, await clockContext());
}
