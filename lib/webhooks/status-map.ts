// What a MarkID result does to a verification, kept pure so the rules can be read (and tested) in one place.
//
// MarkID's verdict is advice: the back office's own decision (four-eyes, lib/decisions) closes a verification,
// and lib/verifications/status.ts counts APPROVED and DENIED as closed. So MarkID's APPROVED or DENIED is kept in
// markidStatus and the verification waits for staff in REVIEWING; only MarkID expiring or deleting a
// verification closes it, as nothing can be decided on it any more.
import type { VerificationStatus } from "@/lib/generated/prisma/enums";
import { isOpen } from "@/lib/verifications/status";

/** MarkID's final overall status → ours. null: MarkID's text is recorded, our status stays as it is. */
const FINAL_STATUS: Record<string, VerificationStatus | null> = {
  APPROVED: "REVIEWING",
  DENIED: "REVIEWING",
  SUSPECTED: "SUSPECTED",
  REVIEWING: "REVIEWING",
  EXPIRED: "EXPIRED",
  "EXPIRED-DELETED": "EXPIRED",
  DELETED: "DELETED",
  ACTIVE: null,
  ARCHIVED: null,
};

// A value MarkID adds later is not understood, so a person has to look at it.
const UNKNOWN_FINAL: VerificationStatus = "REVIEWING";

/** Before any result: a non-final (automatic) result moves these to REVIEWING. */
const AWAITING_RESULT: readonly VerificationStatus[] = ["ACTIVE", "CALL_IN_PROGRESS", "CALL_FINISHED"];

/** A finished call moves only these forward; later states already say more. */
const AWAITING_CALL: readonly VerificationStatus[] = ["ACTIVE", "CALL_IN_PROGRESS"];

export type VerificationSnapshot = {
  status: VerificationStatus;
  markidFinalAt: Date | null;
  /** A staff decision waits for its second reviewer. */
  decisionPending: boolean;
};

export type IdentificationInput = { final: boolean; overall: string; receivedAt: Date };

export type IdentificationPlan =
  | { apply: false; reason: "final-already-received" | "newer-final-already-received" }
  | { apply: true; markidStatus: string; markidFinalAt: Date | null; status: VerificationStatus };

/** MarkID never reopens or re-closes what staff closed, nor moves a verification a decision is pending on. */
function staffOwnsStatus(current: VerificationSnapshot): boolean {
  return current.decisionPending || !isOpen(current.status);
}

export function mapFinalStatus(overall: string): VerificationStatus | null {
  return Object.hasOwn(FINAL_STATUS, overall) ? (FINAL_STATUS[overall] ?? null) : UNKNOWN_FINAL;
}

export function planIdentification(
  current: VerificationSnapshot,
  input: IdentificationInput,
): IdentificationPlan {
  // Webhooks may arrive late or twice: once MarkID has said "final", an automatic result is old news.
  if (!input.final && current.markidFinalAt) return { apply: false, reason: "final-already-received" };
  if (input.final && current.markidFinalAt && input.receivedAt < current.markidFinalAt) {
    return { apply: false, reason: "newer-final-already-received" };
  }
  const keep = current.status;
  if (!input.final) {
    const status = !staffOwnsStatus(current) && AWAITING_RESULT.includes(keep) ? "REVIEWING" : keep;
    return { apply: true, markidStatus: input.overall, markidFinalAt: null, status };
  }
  const mapped = staffOwnsStatus(current) ? null : mapFinalStatus(input.overall);
  return {
    apply: true,
    markidStatus: input.overall,
    markidFinalAt: input.receivedAt,
    status: mapped ?? keep,
  };
}

/** Our status after MarkID reports the call finished. */
export function statusAfterCall(current: VerificationSnapshot): VerificationStatus {
  if (staffOwnsStatus(current)) return current.status;
  return AWAITING_CALL.includes(current.status) ? "CALL_FINISHED" : current.status;
}
