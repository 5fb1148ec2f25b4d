import type { VerificationStatus } from "@/lib/generated/prisma/enums";

// A verification is open until a decision closes it or MarkID expires or deletes it.
export const OPEN_STATUSES: readonly VerificationStatus[] = [
  "DRAFT",
  "ACTIVE",
  "CALL_IN_PROGRESS",
  "CALL_FINISHED",
  "REVIEWING",
  "SUSPECTED",
];

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}
