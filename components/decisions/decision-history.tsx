import { ChecklistSnapshot } from "@/components/decisions/checklist-snapshot";
import type { MarkedMedia } from "@/components/checklist/mark-link";
import { RiskSignals } from "@/components/risk/risk-signals";
import { OUTCOME_LABEL } from "@/lib/decisions/rules";
import { LocalTime } from "@/components/ui/local-time";
import { formatShare } from "@/lib/media/played-ranges";
import type { HeldQualification } from "@/lib/rulebook/snapshot";
import type { DecisionDto } from "@/lib/verifications/detail";

const STATE_LABEL: Record<string, string> = {
  PENDING_SECOND_REVIEW: "waiting for second review",
  FINAL: "final",
  OVERRULED: "overruled",
};

const qualificationText = (q: HeldQualification | undefined) =>
  !q ? "" : q.held ? ` (${q.held.name})` : q.required ? " (unqualified)" : "";

/** Each decision with what it rested on: the rulebook version, the checklist as answered, who held what. */
export function DecisionHistory({
  decisions,
  media,
  qaDisputed = [],
}: {
  decisions: DecisionDto[];
  media: readonly MarkedMedia[];
  /** Decisions a QA reviewer disagreed with: they stand as recorded, marked. */
  qaDisputed?: readonly string[];
}) {
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {decisions.map((d) => (
        <li key={d.id} className="rounded-md bg-raised p-2">
          <span className="font-medium">{OUTCOME_LABEL[d.outcome]}</span> · {STATE_LABEL[d.state] ?? d.state}
          {qaDisputed.includes(d.id) ? (
            <span className="font-medium text-warning"> · QA-disputed</span>
          ) : null}
          <span className="block text-xs text-muted">
            {d.reason} — {d.decidedBy}
            {qualificationText(d.qualification ?? undefined)}, <LocalTime at={d.createdAt} />
            {d.reviewedBy ? `; reviewed by ${d.reviewedBy}${qualificationText(d.qualification?.review)}` : ""}
          </span>
          {d.watchedShare !== null ? (
            <span className="block text-xs text-muted">
              The decider had watched {formatShare(d.watchedShare)} of the call.
            </span>
          ) : null}
          {d.comment ? <span className="block text-xs">{d.comment}</span> : null}
          {d.reviewComment ? <span className="block text-xs">Review: {d.reviewComment}</span> : null}
          <RiskSignals risk={d.risk} />
          {d.rulebookVersion !== null ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs">
                Checklist under rulebook v{d.rulebookVersion}
              </summary>
              {d.checklist ? (
                <ChecklistSnapshot items={d.checklist} media={media} verdicts={d.reviewVerdicts} />
              ) : null}
            </details>
          ) : (
            <span className="block text-xs text-muted">Made before the rulebook existed.</span>
          )}
        </li>
      ))}
    </ul>
  );
}
