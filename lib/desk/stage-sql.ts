import type { ClockPolicy } from "@/lib/desk/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES } from "@/lib/verifications/status";

// lib/desk/stage.ts and lib/desk/clock.ts in SQL: a subquery over the verification `v` giving its stage,
// since when, when it falls due and its clock. Each level ends in OFFSET 0, which keeps PostgreSQL from
// pulling it up into the next: pulled up, every reference to a fact copied its subquery (126 subplans for a
// page of the list, 13 ms of planning and 11 ms of execution per request at a million verifications). Used where the answer must come from the database (the list's
// filter, keyset-paginated like the others; /metrics; the breach job). tests/desk/stage.test.ts holds it to
// the TypeScript answers.

const OPEN = Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}`));

const FACTS = Prisma.sql`
  SELECT
    (SELECT max(l."createdAt") FROM link_deliveries l WHERE l."verificationId" = v.id) AS sent,
    (SELECT max(l."firstOpenedAt") FROM link_deliveries l WHERE l."verificationId" = v.id) AS opened,
    (SELECT max(c."finishedAt") FROM video_calls c WHERE c."verificationId" = v.id) AS finished,
    (SELECT min(m."createdAt") FROM media_assets m WHERE m."verificationId" = v.id) AS "firstFile",
    (SELECT CASE WHEN count(DISTINCT m.kind) = (CASE WHEN v."tokenType" = 'VIDEO_CALL_PHOTOS' THEN 4 ELSE 1 END)
        THEN max(m."createdAt") END
      FROM media_assets m
      WHERE m."verificationId" = v.id AND (v."tokenType" = 'VIDEO_CALL_PHOTOS' OR m.kind = 'VIDEO')) AS complete,
    (SELECT max(d."createdAt") FROM decisions d
      WHERE d."verificationId" = v.id AND d.state = 'PENDING_SECOND_REVIEW') AS pending,
    greatest(
      (SELECT max(d."reviewedAt") FROM decisions d WHERE d."verificationId" = v.id AND d.state = 'OVERRULED'),
      (SELECT max(q."reviewedAt") FROM qa_samples q WHERE q."verificationId" = v.id AND q.reopened)
    ) AS reopened`;

const STAGE = Prisma.sql`
  SELECT
    CASE
      WHEN v.status::text NOT IN (${OPEN}) THEN 'DECIDED'
      WHEN f.pending IS NOT NULL THEN 'AWAITING_SECOND_REVIEW'
      WHEN f.complete IS NOT NULL THEN 'AWAITING_DECISION'
      WHEN f."firstFile" IS NOT NULL THEN 'RECORDINGS_ARCHIVED'
      WHEN f.finished IS NOT NULL THEN 'CALL_FINISHED'
      WHEN f.opened IS NOT NULL THEN 'LINK_OPENED'
      WHEN f.sent IS NOT NULL THEN 'LINK_SENT'
      ELSE 'CREATED'
    END AS stage,
    CASE
      WHEN v.status::text NOT IN (${OPEN}) THEN coalesce(v."decidedAt", v."updatedAt")
      WHEN f.pending IS NOT NULL THEN f.pending
      WHEN f.complete IS NOT NULL THEN greatest(f.complete, f.reopened)
      WHEN f."firstFile" IS NOT NULL THEN f."firstFile"
      WHEN f.finished IS NOT NULL THEN f.finished
      WHEN f.opened IS NOT NULL THEN f.opened
      WHEN f.sent IS NOT NULL THEN f.sent
      ELSE v."createdAt"
    END AS since
  FROM (${FACTS} OFFSET 0) f`;

/**
 * One row for the verification `v`: stage (text), since, "dueAt" and clock ('overdue', 'due_soon',
 * 'on_time', or NULL for a stage without a target), as of `now`.
 */
export function stageRowSql(policy: ClockPolicy, now: Date): Prisma.Sql {
  const at = Prisma.sql`${now.toISOString()}::timestamp`;
  return Prisma.sql`
    SELECT s.stage, s.since, d."dueAt",
      CASE
        WHEN d."dueAt" IS NULL THEN NULL
        WHEN ${at} > d."dueAt" THEN 'overdue'
        WHEN ${at} >= d."dueAt" - (d.target * 600 * ${policy.dueSoonPercent}::int) * interval '1 millisecond'
          THEN 'due_soon'
        ELSE 'on_time'
      END AS clock
    FROM (${STAGE} OFFSET 0) s
    CROSS JOIN LATERAL (SELECT (${JSON.stringify(policy.targets)}::jsonb ->> s.stage)::int AS target) t
    CROSS JOIN LATERAL (SELECT t.target, s.since + t.target * interval '1 minute' AS "dueAt") d`;
}

/** The clock of `v` alone, for a WHERE condition. */
export function clockSql(policy: ClockPolicy, now: Date): Prisma.Sql {
  return Prisma.sql`(SELECT sc.clock FROM (${stageRowSql(policy, now)}) sc)`;
}
