import { useTranslations } from "next-intl";
import { MarkLink, type MarkedMedia } from "@/components/checklist/mark-link";
import type { ReviewVerdicts, SnapshotItem } from "@/lib/rulebook/snapshot";

/** The checklist as it stood when a decision was made, with the second reviewer's verdict per item. */
export function ChecklistSnapshot({
  items,
  media,
  verdicts,
}: {
  items: SnapshotItem[];
  media: readonly MarkedMedia[];
  verdicts: ReviewVerdicts | null;
}) {
  const t = useTranslations("decisions.snapshot");
  const result = useTranslations("checklist.result");
  return (
    <ul className="mt-1 flex flex-col gap-1 text-xs">
      {items.map((item) => {
        const verdict = verdicts?.[item.key];
        return (
          <li key={item.key} className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium">{item.label}:</span>
            <span>{item.result ? (item.choice ?? result(item.result)) : t("notAnswered")}</span>
            <MarkLink mediaId={item.markMediaId} seconds={item.markSeconds} media={media} />
            {item.note ? <span className="text-muted">“{item.note}”</span> : null}
            {verdict ? (
              <span className={verdict.verdict === "dispute" ? "text-danger" : "text-success"}>
                {verdict.verdict === "dispute"
                  ? t("disputed", { comment: verdict.comment ?? "" })
                  : t("confirmed")}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
