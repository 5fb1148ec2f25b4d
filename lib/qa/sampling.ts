import type { DecisionOutcome as Outcome } from "@/lib/generated/prisma/enums";
import { messageKey, type MessageKey } from "@/lib/i18n/keys";
import type { Random } from "@/lib/qa/random";

// Which final decisions go to QA, pure: every one a risk signal flagged, and of the rest a share per outcome
// drawn at random. The random source is the caller's, so a seeded one makes the draw reproducible.

export type SampleReason = "RANDOM" | "RISK";
export type SampleShares = Record<Outcome, number>;

export function drawForQa(
  outcome: Outcome,
  flagged: boolean,
  shares: SampleShares,
  random: Random,
): SampleReason | null {
  if (flagged) return "RISK";
  return random() < shares[outcome] ? "RANDOM" : null;
}

/** Who reviews a sample: one of the QA reviewers at random, never the decider or their second reviewer. */
export function pickReviewer(
  candidates: readonly string[],
  excluded: readonly (string | null)[],
  random: Random,
): string | null {
  const eligible = candidates.filter((id) => !excluded.includes(id)).sort();
  if (!eligible.length) return null;
  return eligible[Math.min(eligible.length - 1, Math.floor(random() * eligible.length))]!;
}

/** Why a person may not QA-review a decision; null when they may. */
export function qaReviewRefusal(
  reviewerId: string,
  decision: { decidedById: string; reviewedById: string | null },
): MessageKey | null {
  if (decision.decidedById === reviewerId) return messageKey("qa.errors.ownDecision");
  if (decision.reviewedById === reviewerId) return messageKey("qa.errors.secondReviewer");
  return null;
}
