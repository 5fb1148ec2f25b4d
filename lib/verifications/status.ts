import { isEnumValue } from "@/lib/enum-values";
import { VerificationStatus } from "@/lib/generated/prisma/enums";

// A verification is open until a decision closes it or MarkID expires or deletes it. Every status is placed
// here: one added to the schema fails the type check until someone says whether it is open.
const OPEN = {
  DRAFT: true,
  ACTIVE: true,
  CALL_IN_PROGRESS: true,
  CALL_FINISHED: true,
  REVIEWING: true,
  SUSPECTED: true,
  APPROVED: false,
  DENIED: false,
  EXPIRED: false,
  DELETED: false,
  ABORTED: false,
  RESUBMISSION_REQUESTED: false,
} as const satisfies Record<VerificationStatus, boolean>;

const ALL = Object.values(VerificationStatus);
export const OPEN_STATUSES: readonly VerificationStatus[] = ALL.filter((s) => OPEN[s]);

export function isOpen(status: string): boolean {
  return isEnumValue(VerificationStatus, status) && OPEN[status];
}
