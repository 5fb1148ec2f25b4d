import "server-only";
import { assignCase, availableSql, type Assigned } from "@/lib/desk/assign";
import type { AssignmentCause } from "@/lib/desk/causes";
import { expireEndedSessions } from "@/lib/desk/presence";
import { getDb } from "@/lib/db";
import { errorSummary, getLogger } from "@/lib/log";
import { Prisma } from "@/lib/generated/prisma/client";
import { getSettings } from "@/lib/settings/settings";
import { OPEN_STATUSES } from "@/lib/verifications/status";

type Candidate = { id: string; cause: Exclude<AssignmentCause, "lead_reassigned"> };

// Enough for a busy team's few minutes; the next run takes the rest.
const BATCH = 200;

/**
 * The desk's sweep: sessions that ended without a sign-out go OFFLINE; then, with automatic assignment on,
 * every open case with nobody on it, or whose assignee went offline or was deactivated, is handed out, one
 * transaction each (lib/desk/assign.ts re-checks each under its row lock). A case waiting for a second
 * review stays with its decider: the wait is the reviewer's.
 */
export async function runAssignmentSweep(now = new Date()): Promise<Assigned[]> {
  await expireEndedSessions(now);
  return handOut(now, null);
}

/**
 * At once, rather than at the next sweep: the open cases of someone whose session just ended (sign-out,
 * deactivation). Never throws: the sweep catches whatever this misses.
 */
export async function handOverCasesOf(staffUserId: string, now = new Date()): Promise<Assigned[]> {
  try {
    return await handOut(now, staffUserId);
  } catch (error) {
    getLogger("desk").error({ err: errorSummary(error) }, "hand-over failed; the sweep will retry");
    return [];
  }
}

/** A case just created, with automatic assignment on: handed out now, or left for the next sweep. */
export async function assignNewCase(verificationId: string): Promise<Assigned | null> {
  try {
    return await assignCase(verificationId, "new_case");
  } catch (error) {
    getLogger("desk").error({ err: errorSummary(error) }, "assignment failed; the sweep will retry");
    return null;
  }
}

async function handOut(now: Date, onlyOf: string | null): Promise<Assigned[]> {
  if (!(await getSettings()).autoAssign) return [];
  const [{ available }] = await getDb().$queryRaw<[{ available: number }]>`
    SELECT count(*)::int AS available FROM staff_presence p JOIN staff_users s ON s.id = p."staffUserId"
    WHERE ${availableSql(now)}`;
  if (!available) return [];
  const open = Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::"VerificationStatus"`));
  const candidates = await getDb().$queryRaw<Candidate[]>`
    SELECT v.id, CASE WHEN v."assigneeId" IS NULL THEN 'new_case'
      WHEN NOT s.active THEN 'assignee_deactivated' ELSE 'assignee_offline' END AS cause
    FROM verifications v
    LEFT JOIN staff_users s ON s.id = v."assigneeId"
    LEFT JOIN staff_presence p ON p."staffUserId" = v."assigneeId"
    WHERE v.status IN (${open})
      AND (v."assigneeId" IS NULL OR NOT s.active OR p.status = 'OFFLINE')
      ${onlyOf ? Prisma.sql`AND v."assigneeId" = ${onlyOf}::uuid` : Prisma.empty}
      AND NOT EXISTS (SELECT 1 FROM decisions d
        WHERE d."verificationId" = v.id AND d.state = 'PENDING_SECOND_REVIEW')
    ORDER BY v."createdAt", v.id
    LIMIT ${BATCH}`;
  const assigned: Assigned[] = [];
  for (const c of candidates) {
    const done = await assignCase(c.id, c.cause, now);
    if (done) assigned.push(done);
  }
  return assigned;
}
