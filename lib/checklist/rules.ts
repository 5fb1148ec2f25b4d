import type { SessionUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { isOpen } from "@/lib/verifications/status";

type CaseState = {
  status: string;
  assignee: { id: string } | null;
  decisions: ReadonlyArray<{ state: string }>;
};

/**
 * Whether the page offers this person the checklist to answer. The same conditions as applyAnswer enforces
 * (lib/checklist/answer.ts): an open case, not claimed by someone else, no decision waiting for review.
 */
export function mayAnswerChecklist(user: Pick<SessionUser, "id" | "role">, v: CaseState): boolean {
  return (
    can(user.role, "decision:make") &&
    isOpen(v.status) &&
    (!v.assignee || v.assignee.id === user.id) &&
    !v.decisions.some((d) => d.state === "PENDING_SECOND_REVIEW")
  );
}
