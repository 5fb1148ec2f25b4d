import "server-only";
import type { AuditEntry } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { can, ROLES } from "@/lib/auth/permissions";
import { IDLE_TIMEOUT_SECONDS } from "@/lib/auth/session-token";
import type { AssignmentCause } from "@/lib/desk/causes";
import { getDb, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { currentRulebook } from "@/lib/rulebook/current";
import { isOpen } from "@/lib/verifications/status";

// Automatic assignment: a case goes to the available decider who has waited longest since their last case
// (round-robin), among those holding the qualification the rulebook in force requires for deciding. Each
// assignment is one transaction: assigners take turns (an advisory lock, so the round-robin order is exact
// across app instances), the case row is locked and its reason to move re-read under the lock, so a case is
// never handed out twice and never to two people.

const ASSIGN_LOCK = 727_030;
const DECIDERS = ROLES.filter((r) => can(r, "decision:make"));

/** Available, with the session they said so in still standing (not signed out, not idle past the limit). */
export function availableSql(now: Date): Prisma.Sql {
  const idleSince = new Date(now.getTime() - IDLE_TIMEOUT_SECONDS * 1000).toISOString();
  return Prisma.sql`p.status = 'AVAILABLE' AND s.active AND s."sessionVersion" = p."sessionVersion"
    AND p."seenAt" > ${idleSince}::timestamp
    AND s.role::text IN (${Prisma.join(DECIDERS.map((r) => Prisma.sql`${r}`))})`;
}

/** Holds the qualification `required` (the rulebook's name) at `now`; anyone when none is required. */
export function qualifiedSql(required: string | null, now: Date): Prisma.Sql {
  if (!required) return Prisma.sql`TRUE`;
  const at = Prisma.sql`${now.toISOString()}::timestamp`;
  return Prisma.sql`EXISTS (SELECT 1 FROM qualifications q WHERE q."staffUserId" = s.id AND q.name = ${required}
    AND q."grantedAt" <= ${at} AND (q."revokedAt" IS NULL OR q."revokedAt" > ${at})
    AND (q."validUntil" IS NULL OR q."validUntil" >= ${at}))`;
}

type Locked = {
  status: string;
  assigneeId: string | null;
  assigneeActive: boolean | null;
  presence: string | null;
  pendingReview: boolean;
};

/** Whether the case still has the reason to move that `cause` names, read under its row lock. */
function stillNeeds(v: Locked, cause: Exclude<AssignmentCause, "lead_reassigned">): boolean {
  if (!isOpen(v.status) || v.pendingReview) return false;
  if (cause === "new_case") return v.assigneeId === null;
  if (cause === "assignee_deactivated") return v.assigneeId !== null && v.assigneeActive === false;
  return v.assigneeId !== null && v.assigneeActive === true && v.presence === "OFFLINE";
}

async function lockCase(tx: Tx, verificationId: string): Promise<Locked | undefined> {
  const [v] = await tx.$queryRaw<Locked[]>`
    SELECT v.status::text AS status, v."assigneeId", s.active AS "assigneeActive", p.status::text AS presence,
      EXISTS (SELECT 1 FROM decisions d WHERE d."verificationId" = v.id AND d.state = 'PENDING_SECOND_REVIEW')
        AS "pendingReview"
    FROM verifications v
    LEFT JOIN staff_users s ON s.id = v."assigneeId"
    LEFT JOIN staff_presence p ON p."staffUserId" = v."assigneeId"
    WHERE v.id = ${verificationId}::uuid
    FOR UPDATE OF v`;
  return v;
}

export type Assigned = { verificationId: string; assigneeId: string; previousAssigneeId: string | null };

/**
 * Hands one case to the next available, qualified decider, in its own transaction, when it still needs one
 * for `cause`; null when it no longer does (another assigner was first) or nobody is available.
 */
export async function assignCase(
  verificationId: string,
  cause: Exclude<AssignmentCause, "lead_reassigned">,
  now = new Date(),
): Promise<Assigned | null> {
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ASSIGN_LOCK})`;
    const v = await lockCase(tx, verificationId);
    if (!v || !stillNeeds(v, cause)) return null;
    const required = (await currentRulebook(tx)).content.requiredQualification.decide;
    const [next] = await tx.$queryRaw<{ id: string }[]>`
      SELECT s.id FROM staff_presence p JOIN staff_users s ON s.id = p."staffUserId"
      WHERE ${availableSql(now)} AND ${qualifiedSql(required, now)}
      ORDER BY p."lastAssignedAt" ASC NULLS FIRST, p.since ASC, s.id
      LIMIT 1`;
    if (!next) return null;
    // Later than every turn before, whatever clock the assigner read before it waited for the lock.
    await tx.$executeRaw`UPDATE staff_presence SET "lastAssignedAt" = greatest(${now.toISOString()}::timestamp,
        (SELECT max("lastAssignedAt") + interval '1 millisecond' FROM staff_presence))
      WHERE "staffUserId" = ${next.id}::uuid`;
    const moved = await moveCase(tx, verificationId, v.assigneeId, next.id, cause);
    // Nobody acted: the system did, so the event has no actor.
    await recordAudit(tx, moved.audit);
    return moved.assigned;
  });
}

type Moved = { assigned: Assigned; audit: AuditEntry };

/** Sets the assignee and gives the audit event of the move with its cause; the caller holds the row lock. */
async function moveCase(
  tx: Tx,
  verificationId: string,
  previousAssigneeId: string | null,
  assigneeId: string,
  cause: AssignmentCause,
): Promise<Moved> {
  await tx.verification.update({ where: { id: verificationId }, data: { assigneeId } });
  return {
    assigned: { verificationId, assigneeId, previousAssigneeId },
    audit: {
      action: "verification.assigned",
      targetType: "verification",
      targetId: verificationId,
      details: { assigneeId, previousAssigneeId, cause },
    },
  };
}

/**
 * A lead hands one case to a named decider, inside the caller's audited transaction (which writes the event
 * returned): null when the case is closed or already theirs. The caller has checked the new assignee.
 */
export async function reassignCase(
  tx: Tx,
  verificationId: string,
  assigneeId: string,
): Promise<Moved | null> {
  const v = await lockCase(tx, verificationId);
  if (!v || !isOpen(v.status) || v.assigneeId === assigneeId) return null;
  return moveCase(tx, verificationId, v.assigneeId, assigneeId, "lead_reassigned");
}

/** Whether someone may be handed cases by a lead: an active decider holding the qualification required now. */
export async function assignableDecider(tx: Tx, staffUserId: string, now = new Date()): Promise<boolean> {
  const required = (await currentRulebook(tx)).content.requiredQualification.decide;
  const [row] = await tx.$queryRaw<{ ok: boolean }[]>`
    SELECT TRUE AS ok FROM staff_users s
    WHERE s.id = ${staffUserId}::uuid AND s.active
      AND s.role::text IN (${Prisma.join(DECIDERS.map((r) => Prisma.sql`${r}`))})
      AND ${qualifiedSql(required, now)}`;
  return row?.ok === true;
}
