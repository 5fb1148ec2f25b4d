import "server-only";
import { can, ROLES } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { missingEvidence } from "@/lib/decisions/rules";
import { notify, notifyAll } from "@/lib/notifications/notify";

// Who hears of what, each called inside the transaction of the change that causes it.

/**
 * Locks the case (so that files archived at the same moment take turns) and says whether its evidence is
 * complete. The archive asks before and after adding a file: only the file that completes it tells anyone.
 */
export async function evidenceComplete(tx: Tx, verificationId: string): Promise<boolean> {
  const [v] = await tx.$queryRaw<Array<{ tokenType: string }>>`
    SELECT "tokenType" FROM verifications WHERE id = ${verificationId}::uuid FOR UPDATE`;
  if (!v) return false;
  const media = await tx.mediaAsset.findMany({ where: { verificationId }, select: { kind: true } });
  return (
    missingEvidence(
      v.tokenType === "VIDEO_CALL_PHOTOS",
      media.map((m) => m.kind),
    ).length === 0
  );
}

/** The recordings are all in: the case's assignee hears of it, or its creator while nobody has it. */
export async function notifyRecordingsReady(tx: Tx, verificationId: string): Promise<void> {
  const v = await tx.verification.findUnique({
    where: { id: verificationId },
    select: { assigneeId: true, createdById: true },
  });
  const userId = v?.assigneeId ?? v?.createdById;
  if (userId) await notify(tx, { userId, kind: "RECORDINGS_READY", verificationId });
}

const SECOND_REVIEWERS = ROLES.filter((role) => can(role, "decision:second-review"));

/**
 * A decision waits for a second pair of eyes. Nobody is assigned second reviews, so every active person who
 * may give one hears of it, except the decider, who may not.
 */
export async function notifySecondReviewRequested(
  tx: Tx,
  verificationId: string,
  deciderId: string,
): Promise<void> {
  const reviewers = await tx.staffUser.findMany({
    where: { role: { in: SECOND_REVIEWERS }, active: true, id: { not: deciderId } },
    select: { id: true },
  });
  await notifyAll(
    tx,
    reviewers.map((r) => r.id),
    { kind: "SECOND_REVIEW_REQUESTED", verificationId },
  );
}

/** The decider hears whether their decision was confirmed, or disputed (overruled, or QA disagreed). */
export async function notifyDecider(
  tx: Tx,
  decision: { verificationId: string; decidedById: string },
  confirmed: boolean,
): Promise<void> {
  await notify(tx, {
    userId: decision.decidedById,
    kind: confirmed ? "DECISION_CONFIRMED" : "DECISION_DISPUTED",
    verificationId: decision.verificationId,
  });
}
