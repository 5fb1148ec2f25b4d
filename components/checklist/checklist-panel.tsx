import { useTranslations } from "next-intl";
import { ChecklistItemForm } from "@/components/checklist/checklist-item-form";
import { MarkLink, type MarkedMedia } from "@/components/checklist/mark-link";
import type { ActionState } from "@/lib/actions/validated-action";
import type { CaseChecklist } from "@/lib/checklist/queries";
import { missingRequired } from "@/lib/rulebook/rules";

type Props = {
  checklist: CaseChecklist;
  media: readonly MarkedMedia[];
  /** Bound to the case; null when this person may not answer now (read-only). */
  answer: ((state: ActionState, form: FormData) => Promise<ActionState>) | null;
};

/** The rulebook's checks for this call, answered beside the recordings and read by whoever opens the case. */
export function ChecklistPanel({ checklist, media, answer }: Props) {
  const { rulebook, answers } = checklist;
  const items = rulebook.content.checklist;
  const required = items.filter((i) => i.required).length;
  const missing = missingRequired(items, answers).length;
  const t = useTranslations("checklist.panel");
  const resultLabel = useTranslations("checklist.result");
  return (
    <section
      aria-labelledby="checklist-heading"
      className="flex flex-col gap-4 rounded-card border border-border bg-surface p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="checklist-heading" className="font-semibold">
          {t("heading")}
        </h2>
        <span className="text-xs text-muted">
          {t("progress", { version: rulebook.version, passed: required - missing, required })}
        </span>
      </div>
      <ol className="flex flex-col gap-4 divide-y divide-border">
        {items.map((item) => {
          const a = answers.find((x) => x.itemKey === item.key);
          return (
            <li key={item.key} className="pt-3 first:pt-0">
              {answer ? (
                <ChecklistItemForm item={item} answer={a} media={media} action={answer} />
              ) : (
                <div className="flex flex-col gap-1 text-sm">
                  <span className="font-medium">
                    {item.label}
                    {item.required ? "" : ` ${t("optional")}`}
                  </span>
                  <span>
                    {a ? (a.choice ?? resultLabel(a.result)) : t("notAnswered")}
                    {a ? <span className="text-xs text-muted"> — {a.answeredBy}</span> : null}
                  </span>
                  {a?.note ? <span className="text-xs">{a.note}</span> : null}
                  <MarkLink mediaId={a?.markMediaId ?? null} seconds={a?.markSeconds ?? null} media={media} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
