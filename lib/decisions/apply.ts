import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { decisionBasis, reviewerQualification } from "@/lib/decisions/basis";
import {
  canSecondReview,
  FINAL_STATUS,
  missingEvidenceKinds,
  needsSecondReview,
} from "@/lib/decisions/rules";
import { DomainError } from "@/lib/domain-error";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import { messageKey } from "@/lib/i18n/keys";
import { notifyDecider, notifySecondReviewRequested } from "@/lib/notifications/causes";
import type { DecisionOutcome, TokenType, VerificationStatus } from "@/lib/generated/prisma/enums";
import { cryptoRandom, type Random } from "@/lib/qa/random";
import { sampleFinalDecision } from "@/lib/qa/sample";
import { gatherRiskFacts } from "@/lib/risk/facts";
import { assessRisk } from "@/lib/risk/rules";
import { readQualificationSnapshot, type ReviewVerdicts } from "@/lib/rulebook/snapshot";
import { getSettings } from "@/lib/settings/settings";
import { isOpen } from "@/lib/verifications/status";
import { caseFacts, emitOutboundEvent } from "@/lib/outbound-webhooks/emit";

export type DecisionInput = { outcome: DecisionOutcome; reason: string; comment?: string };

/** What tests replace: the clock the risk rules read and the random source QA sampling draws from. */
export type DecisionDeps = { now?: Date; random?: Random };

/** Records a decision inside the caller's transaction; returns whether it waits for a second review. */
export async function applyDecision(
  tx: Tx,
  deciderId: string,
  verificationId: string,
  input: DecisionInput,
  deps: DecisionDeps = {},
): Promise<{ value: boolean; audit: AuditEntry }> {
  const now = deps.now ?? new Date();
  // Lock the row: two officers deciding at once must not both succeed. The verification first, the audit
  // chain last (the commit writes it), as docs/locking.md orders every transaction, webhook batches included.
  type Locked = { status: VerificationStatus; assigneeId: string | null; tokenType: TokenType };
  const [v] = await tx.$queryRaw<Locked[]>`
    SELECT status, "assigneeId", "tokenType" FROM verifications WHERE id = ${verificationId}::uuid FOR UPDATE`;
  if (!v) throw new DomainError(messageKey("decisions.errors.gone"));
  if (!isOpen(v.status)) throw new DomainError(messageKey("decisions.errors.closed"));
  if (v.assigneeId && v.assigneeId !== deciderId) {
    throw new DomainError(messageKey("decisions.errors.claimedByOther"));
  }
  const open = await tx.decision.count({ where: { verificationId, state: "PENDING_SECOND_REVIEW" } });
  if (open) throw new DomainError(messageKey("decisions.errors.pendingReview"));
  if (input.outcome === "APPROVE") {
    const media = await tx.mediaAsset.findMany({ where: { verificationId }, select: { kind: true } });
    const missing = missingEvidenceKinds(
      v.tokenType === "VIDEO_CALL_PHOTOS",
      media.map((m) => m.kind),
    );
    if (missing.length) {
      // The list is words too: named in the person's language before it goes into the message.
      const t = translatorFor(currentLanguage());
      const names = missing.map((kind) => t(`decisions.evidence.${kind}`)).join(", ");
      throw new DomainError(messageKey("decisions.errors.evidenceMissing"), undefined, { missing: names });
    }
  }
  const basis = await decisionBasis(tx, deciderId, verificationId, input.outcome);
  if (!basis.policy.reasons[input.outcome].includes(input.reason))
    throw new DomainError(messageKey("decisions.errors.reasonNotInVersion"), undefined, {
      version: basis.version,
    });
  const fourEyes = needsSecondReview(input.outcome, basis.policy.fourEyesForAll);
  const settings = await getSettings(tx);
  // Computed once, from what was known when the decision was recorded, and kept with it.
  const risk = assessRisk(await gatherRiskFacts(tx, verificationId, deciderId, now), settings);
  const decision = await tx.decision.create({
    data: {
      ...basis.data,
      riskSignals: risk,
      createdAt: now,
      verificationId,
      decidedById: deciderId,
      outcome: input.outcome,
      reason: input.reason,
      comment: input.comment || null,
      state: fourEyes ? "PENDING_SECOND_REVIEW" : "FINAL",
    },
  });
  await tx.verification.update({
    where: { id: verificationId },
    data: fourEyes
      ? { status: "REVIEWING", assigneeId: deciderId }
      : { status: FINAL_STATUS[input.outcome], decidedAt: now, assigneeId: deciderId },
  });
  const sampled = fourEyes ? null : await sampleFinalDecision(tx, decision.id, deps.random ?? cryptoRandom);
  await emitOutboundEvent(tx, "decision.recorded", {
    ...(await caseFacts(tx, verificationId)),
    decision: { id: decision.id, outcome: decision.outcome, state: decision.state, reason: decision.reason },
  });
  if (fourEyes) await notifySecondReviewRequested(tx, verificationId, deciderId);
  const details = {
    decisionId: decision.id,
    outcome: input.outcome,
    reason: input.reason,
    fourEyes,
    rulebookVersion: basis.version,
    riskSignals: risk.signals.map((s) => s.kind),
    qaSampled: sampled,
  };
  return {
    value: fourEyes,
    audit: { action: "decision.recorded", targetType: "verification", targetId: verificationId, details },
  };
}

/** Confirms or overrules a pending decision; the server never lets its author be the second pair of eyes. */
export async function applySecondReview(
  tx: Tx,
  reviewerId: string,
  verificationId: string,
  decisionId: string,
  input: { verdict: "confirm" | "overrule"; comment?: string; verdicts?: ReviewVerdicts | null },
  random: Random = cryptoRandom,
): Promise<{ value: null; audit: AuditEntry }> {
  // The verification before its decision row, as docs/locking.md orders every transaction.
  await tx.$queryRaw`SELECT id FROM verifications WHERE id = ${verificationId}::uuid FOR UPDATE`;
  const decision = await tx.decision.findFirst({ where: { id: decisionId, verificationId } });
  if (!decision) throw new DomainError(messageKey("decisions.errors.decisionGone"));
  const check = canSecondReview(decision.decidedById, reviewerId);
  if (!check.ok) throw new DomainError(check.reason);
  const review = await reviewerQualification(tx, reviewerId);
  const decided = readQualificationSnapshot(decision.qualificationSnapshot);
  const confirm = input.verdict === "confirm";
  // Only a still-pending decision moves: a concurrent second review finds nothing to update.
  const updated = await tx.decision.updateMany({
    where: { id: decisionId, state: "PENDING_SECOND_REVIEW" },
    data: {
      state: confirm ? "FINAL" : "OVERRULED",
      reviewedById: reviewerId,
      reviewedAt: new Date(),
      reviewComment: input.comment || null,
      // Decisions from before rulebooks have no snapshot; the reviewer's qualification is kept all the same.
      qualificationSnapshot: { required: null, held: null, ...decided, review },
      reviewVerdicts: input.verdicts ?? undefined,
    },
  });
  if (updated.count !== 1) throw new DomainError(messageKey("decisions.errors.alreadyReviewed"));
  await tx.verification.update({
    where: { id: verificationId },
    data: confirm
      ? { status: FINAL_STATUS[decision.outcome], decidedAt: new Date() }
      : { status: "REVIEWING" },
  });
  // Final now: drawn for QA as a decision final at once would have been.
  const sampled = confirm ? await sampleFinalDecision(tx, decisionId, random) : null;
  if (confirm) {
    await emitOutboundEvent(tx, "decision.confirmed", {
      ...(await caseFacts(tx, verificationId)),
      decision: { id: decisionId, outcome: decision.outcome, state: "FINAL", reason: decision.reason },
    });
  }
  await notifyDecider(tx, decision, confirm);
  const disputed = Object.entries(input.verdicts ?? {}).filter(([, v]) => v.verdict === "dispute");
  const details = {
    decisionId,
    outcome: decision.outcome,
    decidedById: decision.decidedById,
    disputedItems: disputed.map(([key]) => key),
    ...(confirm ? { qaSampled: sampled } : {}),
  };
  return {
    value: null,
    audit: {
      action: confirm ? "decision.confirmed" : "decision.overruled",
      targetType: "verification",
      targetId: verificationId,
      details,
    },
  };
}
