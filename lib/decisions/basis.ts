import "server-only";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { messageKey } from "@/lib/i18n/keys";
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";
import { requireQualification } from "@/lib/qualifications/in-force";
import { watchShortfall } from "@/lib/recordings/watch-rule";
import { watchedBy } from "@/lib/recordings/watched";
import { currentRulebook } from "@/lib/rulebook/current";
import { missingRequired } from "@/lib/rulebook/rules";
import { checklistSnapshotOf } from "@/lib/rulebook/snapshot";

/**
 * What a decision rests on, checked and copied inside its transaction: the current rulebook, every required
 * check passed before an approval, the decider's qualification when the rulebook requires one, and the share
 * of the call the decider played (enough of it before an approval when the rulebook requires watching).
 */
export async function decisionBasis(
  tx: Tx,
  deciderId: string,
  verificationId: string,
  outcome: DecisionOutcome,
) {
  const rulebook = await currentRulebook(tx);
  const { checklist, requiredQualification } = rulebook.content;
  const qualification = await requireQualification(tx, deciderId, requiredQualification.decide, "decide");
  const answers = await tx.checklistAnswer.findMany({ where: { verificationId } });
  if (outcome === "APPROVE") {
    const missing = missingRequired(checklist, answers);
    if (missing.length) {
      const labels = missing.map((i) => i.label).join(", ");
      throw new DomainError(messageKey("decisions.errors.checksMissing"), undefined, { missing: labels });
    }
  }
  const watched = await watchedBy(tx, deciderId, verificationId);
  const unwatched = watchShortfall(rulebook.content.watch, watched?.share ?? null);
  if (outcome === "APPROVE" && unwatched) throw new DomainError(unwatched);
  const { reasons, fourEyesForAll } = rulebook.content;
  return {
    version: rulebook.version,
    // The reasons and four-eyes of the same version, so that the decision follows the version it records.
    policy: { reasons, fourEyesForAll },
    data: {
      rulebookVersionId: rulebook.id,
      checklistSnapshot: checklistSnapshotOf(checklist, answers),
      qualificationSnapshot: qualification,
      watchedShare: watched?.share ?? null,
    },
  };
}

/** The second reviewer's qualification under the current rulebook, refused when it requires one they lack. */
export async function reviewerQualification(tx: Tx, reviewerId: string) {
  const { requiredQualification } = (await currentRulebook(tx)).content;
  return requireQualification(tx, reviewerId, requiredQualification.secondReview, "review");
}
