import type { VerificationStatus } from "@/lib/generated/prisma/enums";

/** The outcomes a retention period is set for; every verification status falls in exactly one. */
export const RETENTION_CLASSES = [
  "APPROVED",
  "REJECTED",
  "RESUBMISSION",
  "ABORTED",
  "EXPIRED",
  "UNFINISHED",
] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

// Exhaustive over the Prisma enum: a new status fails the type check until it is given a class here.
export const STATUS_CLASS: Record<VerificationStatus, RetentionClass> = {
  APPROVED: "APPROVED",
  DENIED: "REJECTED",
  SUSPECTED: "REJECTED",
  RESUBMISSION_REQUESTED: "RESUBMISSION",
  ABORTED: "ABORTED",
  EXPIRED: "EXPIRED",
  DELETED: "EXPIRED",
  DRAFT: "UNFINISHED",
  ACTIVE: "UNFINISHED",
  CALL_IN_PROGRESS: "UNFINISHED",
  CALL_FINISHED: "UNFINISHED",
  REVIEWING: "UNFINISHED",
};

/** The statuses of one class, for the SQL that selects what is due. */
export function statusesOf(retentionClass: RetentionClass): VerificationStatus[] {
  return (Object.keys(STATUS_CLASS) as VerificationStatus[]).filter(
    (s) => STATUS_CLASS[s] === retentionClass,
  );
}
