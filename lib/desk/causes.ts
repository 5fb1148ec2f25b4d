// Why a case changed hands: the one `cause` of every verification.assigned event.
export const ASSIGNMENT_CAUSES = [
  "new_case",
  "assignee_offline",
  "assignee_deactivated",
  "lead_reassigned",
] as const;
export type AssignmentCause = (typeof ASSIGNMENT_CAUSES)[number];
