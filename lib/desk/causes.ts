import type { Availability } from "@/lib/generated/prisma/enums";

// Why a case changed hands: the one `cause` of every verification.assigned event.
export const ASSIGNMENT_CAUSES = [
  "new_case",
  "assignee_offline",
  "assignee_deactivated",
  "lead_reassigned",
] as const;
export type AssignmentCause = (typeof ASSIGNMENT_CAUSES)[number];

export const CAUSE_LABEL: Record<AssignmentCause, string> = {
  new_case: "new case",
  assignee_offline: "the assignee went offline",
  assignee_deactivated: "the assignee was deactivated",
  lead_reassigned: "reassigned by a lead",
};

export const AVAILABILITY_LABEL: Record<Availability, string> = {
  AVAILABLE: "Available",
  AWAY: "Away",
  OFFLINE: "Offline",
};
