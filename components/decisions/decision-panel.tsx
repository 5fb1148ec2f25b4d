import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { DecisionForm } from "@/components/decisions/decision-form";
import { DecisionHistory } from "@/components/decisions/decision-history";
import { SecondReviewForm } from "@/components/decisions/second-review-form";
import type { SessionUser } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { claimVerification } from "@/lib/decisions/claim-actions";
import { recordDecision } from "@/lib/decisions/decide-actions";
import type { ReasonsByOutcome } from "@/lib/decisions/reasons";
import { evidenceKind } from "@/lib/decisions/rules";
import type { CaseChecklist } from "@/lib/checklist/queries";
import { watchShortfall } from "@/lib/recordings/watch-rule";
import { missingRequired, suggestedOutcome } from "@/lib/rulebook/rules";
import { secondReview } from "@/lib/decisions/second-review-actions";
import type { VerificationDetail } from "@/lib/verifications/detail";
import { isOpen } from "@/lib/verifications/status";

type Props = {
  v: VerificationDetail;
  user: SessionUser;
  reasons: ReasonsByOutcome;
  checklist: CaseChecklist;
  /** Why this person may not decide or review under the rulebook's qualification policy; null: they may. */
  unqualified: { decide: string | null; review: string | null };
  /** Decisions a QA reviewer disagreed with. */
  qaDisputed?: readonly string[];
};

export function DecisionPanel({ v, user, reasons, checklist, unqualified, qaDisputed }: Props) {
  const items = checklist.rulebook.content.checklist;
  const suggestion = suggestedOutcome(items, checklist.answers);
  const pending = v.decisions.find((d) => d.state === "PENDING_SECOND_REVIEW");
  const mayDecide = can(user.role, "decision:make");
  const assignedElsewhere = v.assignee && v.assignee.id !== user.id;
  const t = useTranslations("decisions");
  const missingChecks = missingRequired(items, checklist.answers).map((i) => i.label);
  const missingWatch = watchShortfall(checklist.rulebook.content.watch, v.watched?.share ?? null);
  const missingEvidence = v.missingEvidence.map((name) => {
    const kind = evidenceKind(name);
    return kind ? t(`evidence.${kind}`) : name;
  });
  const approvalBlockers = [
    missingEvidence.length ? t("errors.evidenceMissing", { missing: missingEvidence.join(", ") }) : null,
    missingChecks.length ? t("errors.checksMissing", { missing: missingChecks.join(", ") }) : null,
    missingWatch,
  ].filter((text): text is string => !!text);
  return (
    <section
      id="decision"
      tabIndex={-1}
      aria-labelledby="decision-heading"
      className="flex flex-col gap-4 rounded-card border border-border bg-surface p-4"
    >
      <h2 id="decision-heading" className="font-semibold">
        {t("panel.heading")}
      </h2>
      {v.decisions.length ? (
        <DecisionHistory decisions={v.decisions} media={v.media} qaDisputed={qaDisputed} />
      ) : null}
      {pending && can(user.role, "decision:second-review") && pending.decidedById !== user.id ? (
        unqualified.review ? (
          <p className="text-sm text-warning">{unqualified.review}</p>
        ) : (
          <SecondReviewForm
            action={secondReview.bind(null, v.id, pending.id)}
            items={pending.checklist}
            media={v.media}
          />
        )
      ) : null}
      {pending && pending.decidedById === user.id ? (
        <p className="text-sm text-muted">{t("panel.waitsForReview")}</p>
      ) : null}
      {mayDecide && isOpen(v.status) && !pending ? (
        !v.assignee ? (
          <ActionButton
            action={claimVerification.bind(null, v.id)}
            label={t("panel.claim")}
            pendingLabel={t("panel.claiming")}
            variant="secondary"
          />
        ) : assignedElsewhere ? (
          <p className="text-sm text-muted">{t("panel.assignedElsewhere", { name: v.assignee.name })}</p>
        ) : unqualified.decide ? (
          <p className="text-sm text-warning">{unqualified.decide}</p>
        ) : (
          <DecisionForm
            // A new suggestion from the checklist starts the form afresh with it pre-selected.
            key={suggestion ? `${suggestion.itemKey}-${suggestion.outcome}` : "none"}
            action={recordDecision.bind(null, v.id)}
            reasons={reasons}
            approvalBlockers={approvalBlockers}
            suggestion={suggestion}
          />
        )
      ) : null}
    </section>
  );
}
