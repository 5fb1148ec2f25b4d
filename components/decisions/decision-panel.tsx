import { ActionButton } from "@/components/ui/action-button";
import { formatDateTime } from "@/lib/format";
import { DecisionForm } from "@/components/decisions/decision-form";
import { NoteForm } from "@/components/decisions/note-form";
import { SecondReviewForm } from "@/components/decisions/second-review-form";
import type { SessionUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { claimVerification } from "@/lib/decisions/claim-actions";
import { recordDecision } from "@/lib/decisions/decide-actions";
import { addNote } from "@/lib/decisions/note-actions";
import type { ReasonsByOutcome } from "@/lib/decisions/reasons";
import { OUTCOME_LABEL } from "@/lib/decisions/rules";
import type { DecisionState } from "@/lib/generated/prisma/enums";
import { secondReview } from "@/lib/decisions/second-review-actions";
import type { VerificationDetail } from "@/lib/verifications/detail";
import { isOpen } from "@/lib/verifications/status";

const STATE_LABEL: Record<DecisionState, string> = {
  PENDING_SECOND_REVIEW: "waiting for second review",
  FINAL: "final",
  OVERRULED: "overruled",
};

export function DecisionPanel({
  v,
  user,
  reasons,
}: {
  v: VerificationDetail;
  user: SessionUser;
  reasons: ReasonsByOutcome;
}) {
  const pending = v.decisions.find((d) => d.state === "PENDING_SECOND_REVIEW");
  const mayDecide = can(user.role, "decision:make");
  const assignedElsewhere = v.assignee && v.assignee.id !== user.id;
  return (
    <section
      aria-labelledby="decision-heading"
      className="flex flex-col gap-4 rounded-card border border-border bg-surface p-4"
    >
      <h2 id="decision-heading" className="font-semibold">
        Decision
      </h2>
      {v.decisions.length ? (
        <ul className="flex flex-col gap-2 text-sm">
          {v.decisions.map((d) => (
            <li key={d.id} className="rounded-md bg-raised p-2">
              <span className="font-medium">{OUTCOME_LABEL[d.outcome]}</span> · {STATE_LABEL[d.state]}
              <span className="block text-xs text-muted">
                {d.reason} — {d.decidedBy}, {formatDateTime(d.createdAt)}
                {d.reviewedBy ? `; reviewed by ${d.reviewedBy}` : ""}
              </span>
              {d.comment ? <span className="block text-xs">{d.comment}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {pending && can(user.role, "decision:second-review") && pending.decidedById !== user.id ? (
        <SecondReviewForm action={secondReview.bind(null, v.id, pending.id)} />
      ) : null}
      {pending && pending.decidedById === user.id ? (
        <p className="text-sm text-muted">
          Your decision waits for a second reviewer; you cannot confirm it yourself.
        </p>
      ) : null}
      {mayDecide && isOpen(v.status) && !pending ? (
        !v.assignee ? (
          <ActionButton
            action={claimVerification.bind(null, v.id)}
            label="Claim verification"
            pendingLabel="Claiming…"
            variant="secondary"
          />
        ) : assignedElsewhere ? (
          <p className="text-sm text-muted">Assigned to {v.assignee.name}; only they can decide.</p>
        ) : (
          <DecisionForm
            action={recordDecision.bind(null, v.id)}
            reasons={reasons}
            missingEvidence={v.missingEvidence}
          />
        )
      ) : null}
      {mayDecide ? (
        <div className="flex flex-col gap-2 border-t border-border pt-3">
          <h3 className="text-sm font-semibold">Notes</h3>
          {v.notes.map((n) => (
            <p key={n.id} className="text-sm">
              {n.body}
              <span className="block text-xs text-muted">
                {n.author}, {formatDateTime(n.createdAt)}
              </span>
            </p>
          ))}
          <NoteForm action={addNote.bind(null, v.id)} />
        </div>
      ) : null}
    </section>
  );
}
