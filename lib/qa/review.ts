import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { FINAL_STATUS } from "@/lib/decisions/rules";
import { DomainError } from "@/lib/domain-error";
import { messageKey } from "@/lib/i18n/keys";
import { notifyDecider } from "@/lib/notifications/causes";
import { enqueueDisagreementMails } from "@/lib/qa/jobs";
import { qaReviewRefusal } from "@/lib/qa/sampling";

export type QaReviewInput =
  | { verdict: "AGREE"; comment?: string }
  | { verdict: "DISAGREE"; reason: string; comment: string; reopen: boolean };

/**
 * Records a QA review of a sampled decision. A disagreement may reopen the case for a new decision: the
 * verification goes back to REVIEWING while the decision stays as it was, marked disputed by this review.
 */
export async function applyQaReview(
  tx: Tx,
  reviewerId: string,
  verificationId: string,
  sampleId: string,
  input: QaReviewInput,
): Promise<{ value: { reopened: boolean }; audit: AuditEntry }> {
  const sample = await tx.qaSample.findFirst({
    where: { id: sampleId, verificationId },
    include: { decision: true },
  });
  if (!sample) throw new DomainError(messageKey("qa.errors.sampleGone"));
  const refusal = qaReviewRefusal(reviewerId, sample.decision);
  if (refusal) throw new DomainError(refusal);
  const disagree = input.verdict === "DISAGREE";
  const reopen = disagree && input.reopen;
  if (reopen) await reopenCase(tx, verificationId, sample.decision);
  // Only an unreviewed sample moves: a concurrent review finds nothing to update.
  const updated = await tx.qaSample.updateMany({
    where: { id: sampleId, reviewedAt: null },
    data: {
      reviewerId,
      reviewedAt: new Date(),
      verdict: input.verdict,
      disagreeReason: disagree ? input.reason : null,
      comment: input.comment || null,
      reopened: reopen,
    },
  });
  if (updated.count !== 1) throw new DomainError(messageKey("qa.errors.alreadyReviewed"));
  // The decider hears of any disagreement with their decision. Leads hear of a disputed approval by email
  // too: an approval that should not stand lets a client through.
  if (disagree) await notifyDecider(tx, sample.decision, false);
  if (disagree && sample.decision.outcome === "APPROVE") {
    await enqueueDisagreementMails(tx, sampleId, { reviewerId, decidedById: sample.decision.decidedById });
  }
  const details = {
    sampleId,
    decisionId: sample.decisionId,
    outcome: sample.decision.outcome,
    decidedById: sample.decision.decidedById,
    verdict: input.verdict,
    ...(disagree ? { reason: input.reason, reopened: reopen } : {}),
  };
  return {
    value: { reopened: reopen },
    audit: { action: "qa.reviewed", targetType: "verification", targetId: verificationId, details },
  };
}

/** Back to REVIEWING for a new decision, only while the disputed decision is still the one in force. */
async function reopenCase(
  tx: Tx,
  verificationId: string,
  decision: { id: string; outcome: keyof typeof FINAL_STATUS; state: string },
) {
  const [v] = await tx.$queryRaw<Array<{ status: string }>>`
    SELECT status FROM verifications WHERE id = ${verificationId}::uuid FOR UPDATE`;
  const latest = await tx.decision.findFirst({
    where: { verificationId },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const inForce =
    decision.state === "FINAL" && v?.status === FINAL_STATUS[decision.outcome] && latest?.id === decision.id;
  if (!inForce) {
    throw new DomainError(messageKey("qa.errors.movedOn"));
  }
  await tx.verification.update({
    where: { id: verificationId },
    data: { status: "REVIEWING", decidedAt: null },
  });
}
