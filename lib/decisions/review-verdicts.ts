import { messageKey } from "@/lib/i18n/keys";
import type { ReviewVerdicts, SnapshotItem } from "@/lib/rulebook/snapshot";

// The second reviewer answers every checklist item of the decision: confirm, or dispute with a comment
// saying what they see differently. Posted as "item.<key>" and "itemComment.<key>".

export type VerdictsOutcome =
  { ok: true; verdicts: ReviewVerdicts | null } | { ok: false; fieldErrors: Record<string, string[]> };

export function verdictsFromForm(
  values: Record<string, string | undefined>,
  items: readonly SnapshotItem[] | null,
): VerdictsOutcome {
  // A decision from before the rulebook has nothing to confirm item by item.
  if (!items?.length) return { ok: true, verdicts: null };
  const verdicts: ReviewVerdicts = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const item of items) {
    const verdict = values[`item.${item.key}`];
    const comment = values[`itemComment.${item.key}`]?.trim() || null;
    if (verdict !== "confirm" && verdict !== "dispute") {
      fieldErrors[`item.${item.key}`] = [messageKey("decisions.actions.confirmOrDispute")];
    } else if (verdict === "dispute" && !comment) {
      fieldErrors[`itemComment.${item.key}`] = [messageKey("decisions.actions.sayDispute")];
    } else {
      verdicts[item.key] = { verdict, comment: comment?.slice(0, 1000) ?? null };
    }
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, verdicts };
}
