import { getTranslations } from "next-intl/server";
import { QaForm } from "@/components/qa/qa-form";
import type { SessionUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { FINAL_STATUS } from "@/lib/decisions/rules";
import type { DecisionOutcome as Outcome } from "@/lib/generated/prisma/enums";
import { LocalTime } from "@/components/ui/local-time";
import { recordQaReview } from "@/lib/qa/actions";
import type { CaseQa } from "@/lib/qa/queries";
import { qaReasonMessage } from "@/lib/qa/reasons";
import { qaReviewRefusal } from "@/lib/qa/sampling";
import type { VerificationDetail } from "@/lib/verifications/detail";

/** The case's QA samples: the verdicts given, and the form for the one still waiting. */
export async function CaseQaPanel({
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
  const t = await getTranslations("qa.panel");
  const named = await getTranslations();
  const qa = await getTranslations("qa");
  const reasonText = (reason: string) => {
    const key = qaReasonMessage(reason);
    return key ? named(key) : reason;
  };
  return (
    <section
      id="qa"
      aria-labelledby="qa-heading"
      className="flex flex-col gap-3 rounded-card border border-border bg-surface p-4"
    >
      <h2 id="qa-heading" className="font-semibold">
        {t("heading")}
      </h2>
      {samples.map((s) => {
        const decision = v.decisions.find((d) => d.id === s.decisionId);
        const outcome = decision ? qa(`outcome.${decision.outcome as Outcome}`) : "";
        const refusal = decision ? qaReviewRefusal(user.id, decision) : null;
        const inForce =
          decision?.state === "FINAL" &&
          v.decisions[0]?.id === decision.id &&
          v.status === FINAL_STATUS[decision.outcome as Outcome];
        return (
          <div key={s.id} className="flex flex-col gap-2 text-sm">
            <p>
              {s.assignee
                ? t(`drawnFor.${s.reason}`, { outcome, assignee: s.assignee })
                : t(`drawn.${s.reason}`, { outcome })}
            </p>
            {s.reviewedAt ? (
              <p className="rounded-md bg-raised p-2">
                {s.verdict === "AGREE" ? t("agreed") : t("disagreed")} — {s.reviewer},{" "}
                <LocalTime at={s.reviewedAt} />
                {s.disagreeReason ? `: ${reasonText(s.disagreeReason)}` : ""}
                {s.comment ? <span className="block text-xs">{s.comment}</span> : null}
                {s.reopened ? <span className="block text-xs text-warning">{t("reopened")}</span> : null}
              </p>
            ) : !can(user.role, "qa:review") ? (
              <p className="text-muted">{t("waiting")}</p>
            ) : refusal ? (
              <p className="text-muted">{named(refusal)}</p>
            ) : (
              <QaForm action={recordQaReview.bind(null, v.id, s.id)} autoFocus={focus} canReopen={inForce} />
            )}
          </div>
        );
      })}
    </section>
  );
}
