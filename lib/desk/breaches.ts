import "server-only";
import type { ClockContext } from "@/lib/desk/clock";
import { clockContext } from "@/lib/desk/policy";
import { stageRowSql } from "@/lib/desk/stage-sql";
import { getDb, type Tx } from "@/lib/db";
import type { DeskStage } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notify";
import { OPEN_STATUSES } from "@/lib/verifications/status";
import { Prisma } from "@/lib/generated/prisma/client";

export type Breach = { verificationId: string; assigneeId: string | null; stage: DeskStage };

const openStatus = Prisma.sql`v.status IN (${Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::"VerificationStatus"`))})`;

/**
 * Records every open case that is overdue in its stage and returns the ones not recorded before: each case
 * and stage once, however often this runs and however many run at once (the primary key decides). Whoever
 * tells the assignee (in-app notifications) takes this list.
 */
async function recordNewBreaches(
  clock?: ClockContext,
  db: Pick<Tx, "$queryRaw"> = getDb(),
): Promise<Breach[]> {
  const at = clock ?? (await clockContext());
  return db.$queryRaw<Breach[]>`
    INSERT INTO stage_breaches ("verificationId", stage, since, "dueAt", "assigneeId", "recordedAt")
    SELECT v.id, st.stage::"DeskStage", st.since, st."dueAt", v."assigneeId", ${at.now.toISOString()}::timestamp
    FROM verifications v CROSS JOIN LATERAL (${stageRowSql(at, at.now)}) st
    WHERE ${openStatus} AND st.clock = 'overdue'
    ON CONFLICT ("verificationId", stage) DO NOTHING
    RETURNING "verificationId", "assigneeId", stage`;
}

/**
 * Records the new breaches and tells each case's assignee in the same transaction: a breach is recorded and
 * told once, or (the transaction failing) neither, and the next run tries again.
 */
export async function recordAndTellBreaches(clock?: ClockContext): Promise<Breach[]> {
  const at = clock ?? (await clockContext());
  return getDb().$transaction(async (tx) => {
    const breaches = await recordNewBreaches(at, tx);
    for (const b of breaches) {
      if (b.assigneeId)
        await notify(tx, { userId: b.assigneeId, kind: "CASE_OVERDUE", verificationId: b.verificationId });
    }
    return breaches;
  });
}
