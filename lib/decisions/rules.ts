// The rules of deciding, kept pure so the server actions and the UI apply exactly the same ones.
import type { DecisionOutcome, MediaKind, VerificationStatus } from "@/lib/generated/prisma/enums";

export const OUTCOME_LABEL: Record<DecisionOutcome, string> = {
  APPROVE: "Approve",
  REJECT: "Reject",
  REQUEST_RESUBMISSION: "Request resubmission",
  ABORT: "Abort",
};

const PHOTO_LABEL: Record<Exclude<MediaKind, "VIDEO">, string> = {
  FACE_PHOTO: "face photo",
  DOCUMENT_FRONT: "document front",
  DOCUMENT_BACK: "document back",
};

/** What is still missing before an approval may be recorded; empty when the evidence is complete. */
export function missingEvidence(photosRequested: boolean, kinds: readonly MediaKind[]): string[] {
  const have = new Set<string>(kinds);
  const missing: string[] = [];
  if (photosRequested) {
    for (const [kind, label] of Object.entries(PHOTO_LABEL)) {
      if (!have.has(kind)) missing.push(label);
    }
  }
  if (!have.has("VIDEO")) missing.push("video recording");
  return missing;
}

/** Four-eyes: by default rejections and aborts need a second person; a setting extends it to all. */
export function needsSecondReview(outcome: DecisionOutcome, fourEyesForAll: boolean): boolean {
  return fourEyesForAll || outcome === "REJECT" || outcome === "ABORT";
}

export type SecondReviewCheck = { ok: true } | { ok: false; reason: string };

export function canSecondReview(decidedById: string, reviewerId: string): SecondReviewCheck {
  if (decidedById === reviewerId) {
    return { ok: false, reason: "The person who made a decision cannot also confirm it." };
  }
  return { ok: true };
}

export const FINAL_STATUS = {
  APPROVE: "APPROVED",
  REJECT: "DENIED",
  REQUEST_RESUBMISSION: "RESUBMISSION_REQUESTED",
  ABORT: "ABORTED",
} as const satisfies Record<DecisionOutcome, VerificationStatus>;
