// The rules of deciding, kept pure so the server actions and the UI apply exactly the same ones.
import { DecisionOutcome, type MediaKind, type VerificationStatus } from "@/lib/generated/prisma/enums";
import { messageKey, type MessageKey } from "@/lib/i18n/keys";

/** Every outcome, in the schema's order: screens name each through decisions.outcome.<OUTCOME>. */
export const DECISION_OUTCOMES = Object.values(DecisionOutcome);

// The English names stay for what reads them as data (the audit trail, archive results); screens name each
// kind in the person's language (messages "decisions.evidence").
const EVIDENCE_NAME: Record<MediaKind, string> = {
  FACE_PHOTO: "face photo",
  DOCUMENT_FRONT: "document front",
  DOCUMENT_BACK: "document back",
  VIDEO: "video recording",
};
const PHOTO_KINDS = ["FACE_PHOTO", "DOCUMENT_FRONT", "DOCUMENT_BACK"] as const;

/** The kinds of evidence still missing before an approval may be recorded; empty when it is complete. */
export function missingEvidenceKinds(photosRequested: boolean, kinds: readonly MediaKind[]): MediaKind[] {
  const have = new Set<MediaKind>(kinds);
  const wanted: MediaKind[] = photosRequested ? [...PHOTO_KINDS, "VIDEO"] : ["VIDEO"];
  return wanted.filter((kind) => !have.has(kind));
}

/** What is still missing before an approval may be recorded, named in English; empty when complete. */
export function missingEvidence(photosRequested: boolean, kinds: readonly MediaKind[]): string[] {
  return missingEvidenceKinds(photosRequested, kinds).map((kind) => EVIDENCE_NAME[kind]);
}

/** The kind an English name from missingEvidence stands for, so a screen can name it in its own language. */
export function evidenceKind(name: string): MediaKind | undefined {
  return (Object.keys(EVIDENCE_NAME) as MediaKind[]).find((kind) => EVIDENCE_NAME[kind] === name);
}

/** Four-eyes: by default rejections and aborts need a second person; a setting extends it to all. */
export function needsSecondReview(outcome: DecisionOutcome, fourEyesForAll: boolean): boolean {
  return fourEyesForAll || outcome === "REJECT" || outcome === "ABORT";
}

export type SecondReviewCheck = { ok: true } | { ok: false; reason: MessageKey };

export function canSecondReview(decidedById: string, reviewerId: string): SecondReviewCheck {
  if (decidedById === reviewerId) {
    return { ok: false, reason: messageKey("decisions.errors.ownDecision") };
  }
  return { ok: true };
}

export const FINAL_STATUS = {
  APPROVE: "APPROVED",
  REJECT: "DENIED",
  REQUEST_RESUBMISSION: "RESUBMISSION_REQUESTED",
  ABORT: "ABORTED",
} as const satisfies Record<DecisionOutcome, VerificationStatus>;
