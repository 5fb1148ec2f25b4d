import "server-only";
import { can, ROLES } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { cryptoRandom, type Random } from "@/lib/qa/random";
import { drawForQa, pickReviewer, type SampleReason } from "@/lib/qa/sampling";
import { readRiskAssessment } from "@/lib/risk/schema";
import { getSettings } from "@/lib/settings/settings";

const QA_ROLES = ROLES.filter((role) => can(role, "qa:review"));

/**
 * Draws a decision that has just become final for QA, inside the transaction that made it final: flagged by a
 * risk signal, or by the sampling share of its outcome. Returns why it was drawn, or null.
 */
export async function sampleFinalDecision(
  tx: Tx,
  decisionId: string,
  random: Random = cryptoRandom,
): Promise<SampleReason | null> {
  const decision = await tx.decision.findUniqueOrThrow({ where: { id: decisionId } });
  const flagged = (readRiskAssessment(decision.riskSignals)?.signals.length ?? 0) > 0;
  const { qaSampleShare } = await getSettings(tx);
  const reason = drawForQa(decision.outcome, flagged, qaSampleShare, random);
  if (!reason) return null;
  const reviewers = await tx.staffUser.findMany({
    where: { active: true, role: { in: [...QA_ROLES] } },
    select: { id: true },
  });
  const assigneeId = pickReviewer(
    reviewers.map((r) => r.id),
    [decision.decidedById, decision.reviewedById],
    random,
  );
  await tx.qaSample.create({
    data: { decisionId, verificationId: decision.verificationId, reason, assigneeId },
  });
  return reason;
}
