import { useTranslations } from "next-intl";
import { ChecklistSnapshot } from "@/components/decisions/checklist-snapshot";
import type { MarkedMedia } from "@/components/checklist/mark-link";
import { RiskSignals } from "@/components/risk/risk-signals";
import { LocalTime } from "@/components/ui/local-time";
import { formatShare } from "@/lib/media/played-ranges";
import type { HeldQualification } from "@/lib/rulebook/snapshot";
import type { DecisionDto } from "@/lib/verifications/detail";

/** The qualification a person held, in brackets after their name; `unqualified` when a required one was missing. */
const qualificationText = (q: HeldQualification | undefined, unqualified: string) =>
  !q ? "" : q.held ? ` (${q.held.name})` : q.required ? ` (${unqualified})` : "";

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
  const t = useTranslations("decisions.history");
  const all = useTranslations("decisions");
  const qualification = (q: HeldQualification | undefined) => qualificationText(q, t("unqualified"));
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {decisions.map((d) => (
        <li key={d.id} className="rounded-md bg-raised p-2">
          <span className="font-medium">{all(`outcome.${d.outcome}`)}</span> · {t(`state.${d.state}`)}
          {qaDisputed.includes(d.id) ? (
            <span className="font-medium text-warning"> · {t("qaDisputed")}</span>
          ) : null}
          <span className="block text-xs text-muted">
            {d.reason} — {d.decidedBy}
            {qualification(d.qualification ?? undefined)}, <LocalTime at={d.createdAt} />
            {d.reviewedBy
              ? `; ${t("reviewedBy", { name: d.reviewedBy })}${qualification(d.qualification?.review)}`
              : ""}
          </span>
          {d.watchedShare !== null ? (
            <span className="block text-xs text-muted">
              {t("watched", { share: formatShare(d.watchedShare) })}
            </span>
          ) : null}
          {d.comment ? <span className="block text-xs">{d.comment}</span> : null}
          {d.reviewComment ? (
            <span className="block text-xs">{t("reviewComment", { comment: d.reviewComment })}</span>
          ) : null}
          <RiskSignals risk={d.risk} />
          {d.rulebookVersion !== null ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs">
                {t("rulebook", { version: d.rulebookVersion })}
              </summary>
              {d.checklist ? (
                <ChecklistSnapshot items={d.checklist} media={media} verdicts={d.reviewVerdicts} />
              ) : null}
            </details>
          ) : (
            <span className="block text-xs text-muted">{t("beforeRulebook")}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
