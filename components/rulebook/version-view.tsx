import { useTranslations } from "next-intl";
import type { RulebookContent } from "@/lib/rulebook/schema";

const OUTCOMES = ["APPROVE", "REJECT", "REQUEST_RESUBMISSION", "ABORT"] as const;

/** One version as it was published, read-only: old versions stay readable for as long as decisions cite them. */
export function VersionView({ version, content }: { version: number; content: RulebookContent }) {
  const t = useTranslations("rulebook.view");
  const outcome = useTranslations("rulebook.outcome");
  const { decide, secondReview } = content.requiredQualification;
  return (
    <section
      aria-labelledby="version-heading"
      className="flex flex-col gap-2 rounded-card border border-border bg-surface p-4 text-sm"
    >
      <h2 id="version-heading" className="font-semibold">
        {t("heading", { version })}
      </h2>
      <p className="text-muted">
        {t("summary", {
          decide: decide ?? t("noQualification"),
          secondReview: secondReview ?? t("noQualification"),
          watch: content.watch.required
            ? t("watchShare", { percent: Math.round(content.watch.minShare * 100) })
            : t("watchNotRequired"),
        })}
      </p>
      <VersionPolicy content={content} />
      <ol className="flex list-decimal flex-col gap-2 pl-5">
        {content.checklist.map((item) => (
          <li key={item.key}>
            <span className="font-medium">{item.label}</span>
            {item.required ? "" : ` ${t("optional")}`}
            <span className="block text-xs text-muted">{item.help}</span>
            {item.kind === "choice" ? (
              <span className="block text-xs">
                {t("choices", {
                  choices: item.choices?.join(", ") ?? "",
                  pass: item.passChoices?.join(", ") ?? "",
                })}
              </span>
            ) : null}
            <span className="block text-xs">
              {t("failure", { outcome: outcome(item.onFail.outcome), reason: item.onFail.reason })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function VersionPolicy({ content }: { content: RulebookContent }) {
  const t = useTranslations("rulebook.view");
  const { reasons, fourEyesForAll } = content;
  if (!reasons || fourEyesForAll === undefined) return <p className="text-muted">{t("policyOutside")}</p>;
  return (
    <>
      <p className="text-muted">{t(fourEyesForAll ? "secondReviewerAll" : "secondReviewerSome")}</p>
      <ul className="flex flex-col gap-1">
        {OUTCOMES.map((o) => (
          <li key={o}>{t(`reasons.${o}`, { reasons: reasons[o].join("; ") || t("none") })}</li>
        ))}
      </ul>
    </>
  );
}
