import { QaForm } from "@/components/qa/qa-form";
import type { SessionUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { FINAL_STATUS, OUTCOME_LABEL } from "@/lib/decisions/rules";
import type { DecisionOutcome as Outcome } from "@/lib/generated/prisma/enums";
import { LocalTime } from "@/components/ui/local-time";
import { recordQaReview } from "@/lib/qa/actions";
import type { CaseQa } from "@/lib/qa/queries";
import { qaReviewRefusal } from "@/lib/qa/sampling";
import type { VerificationDetail } from "@/lib/verifications/detail";

const WHY = { RANDOM: "drawn at random", RISK: "flagged by a risk signal" } as const;

/** The case's QA samples: the verdicts given, and the form for the one still waiting. */
export function CaseQaPanel({
  v,
  samples,
  user,
  focus,
}: {
  v: VerificationDetail;
  samples: CaseQa[];
  user: SessionUser;
  focus: boolean;
}) {
  if (!samples.length) return null;
  return (
    <section
      id="qa"
      aria-labelledby="qa-heading"
      className="flex flex-col gap-3 rounded-card border border-border bg-surface p-4"
    >
      <h2 id="qa-heading" className="font-semibold">
        Quality assurance
      </h2>
      {samples.map((s) => {
        const decision = v.decisions.find((d) => d.id === s.decisionId);
        const outcome = decision ? (OUTCOME_LABEL[decision.outcome as Outcome] ?? decision.outcome) : "";
        const refusal = decision ? qaReviewRefusal(user.id, decision) : null;
        const inForce =
          decision?.state === "FINAL" &&
          v.decisions[0]?.id === decision.id &&
          v.status === FINAL_STATUS[decision.outcome as Outcome];
        return (
          <div key={s.id} className="flex flex-col gap-2 text-sm">
            <p>
              The {outcome.toLowerCase()} decision was {WHY[s.reason]}
              {s.assignee ? `, for ${s.assignee} to review` : ""}.
            </p>
            {s.reviewedAt ? (
              <p className="rounded-md bg-raised p-2">
                {s.verdict === "AGREE" ? "Agreed" : "Disagreed"} — {s.reviewer},{" "}
                <LocalTime at={s.reviewedAt} />
                {s.disagreeReason ? `: ${s.disagreeReason}` : ""}
                {s.comment ? <span className="block text-xs">{s.comment}</span> : null}
                {s.reopened ? (
                  <span className="block text-xs text-warning">
                    The case was reopened for a new decision.
                  </span>
                ) : null}
              </p>
            ) : !can(user.role, "qa:review") ? (
              <p className="text-muted">Waiting for QA review.</p>
            ) : refusal ? (
              <p className="text-muted">{refusal}</p>
            ) : (
              <QaForm action={recordQaReview.bind(null, v.id, s.id)} autoFocus={focus} canReopen={inForce} />
            )}
          </div>
        );
      })}
    </section>
  );
}
