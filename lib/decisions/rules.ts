// The rules of deciding, kept pure so the server actions and the UI apply exactly the same ones.
export type Outcome = "APPROVE" | "REJECT" | "REQUEST_RESUBMISSION" | "ABORT";
export type MediaKindName = "FACE_PHOTO" | "DOCUMENT_FRONT" | "DOCUMENT_BACK" | "VIDEO";

export const OUTCOME_LABEL: Record<Outcome, string> = {
  APPROVE: "Approve",
  REJECT: "Reject",
  REQUEST_RESUBMISSION: "Request resubmission",
  ABORT: "Abort",
};

const PHOTO_LABEL: Record<Exclude<MediaKindName, "VIDEO">, string> = {
  FACE_PHOTO: "face photo",
  DOCUMENT_FRONT: "document front",
  DOCUMENT_BACK: "document back",
};

/** What is still missing before an approval may be recorded; empty when the evidence is complete. */
export function missingEvidence(photosRequested: boolean, kinds: readonly MediaKindName[]): string[] {
  const have = new Set(kinds);
  const missing: string[] = [];
  if (photosRequested) {
    for (const [kind, label] of Object.entries(PHOTO_LABEL)) {
      if (!have.has(kind as MediaKindName)) missing.push(label);
    }
  }
  if (!have.has("VIDEO")) missing.push("video recording");
  return missing;
}

/** Four-eyes: by default rejections and aborts need a second person; a setting extends it to all. */
export function needsSecondReview(outcome: Outcome, fourEyesForAll: boolean): boolean {
  return fourEyesForAll || outcome === "REJECT" || outcome === "ABORT";
}

export type SecondReviewCheck = { ok: true } | { ok: false; reason: string };

export function canSecondReview(decidedById: string, reviewerId: string): SecondReviewCheck {
  if (decidedById === reviewerId) {
    return { ok: false, reason: "The person who made a decision cannot also confirm it." };
  }
  return { ok: true };
}

export const FINAL_STATUS: Record<Outcome, "APPROVED" | "DENIED" | "RESUBMISSION_REQUESTED" | "ABORTED"> = {
  APPROVE: "APPROVED",
  REJECT: "DENIED",
  REQUEST_RESUBMISSION: "RESUBMISSION_REQUESTED",
  ABORT: "ABORTED",
};
