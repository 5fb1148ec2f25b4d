import { OUTCOME_LABEL } from "@/lib/decisions/rules";
import type { RulebookContent } from "@/lib/rulebook/schema";

/** One version as it was published, read-only: old versions stay readable for as long as decisions cite them. */
export function VersionView({ version, content }: { version: number; content: RulebookContent }) {
  const { decide, secondReview } = content.requiredQualification;
  return (
    <section
      aria-labelledby="version-heading"
      className="flex flex-col gap-2 rounded-card border border-border bg-surface p-4 text-sm"
    >
      <h2 id="version-heading" className="font-semibold">
        Version {version}
      </h2>
      <p className="text-muted">
        To decide: {decide ?? "no qualification required"} · Second review:{" "}
        {secondReview ?? "no qualification required"} · Watching the call:{" "}
        {content.watch.required
          ? `${Math.round(content.watch.minShare * 100)}% before approving`
          : "not required"}
      </p>
      <VersionPolicy content={content} />
      <ol className="flex list-decimal flex-col gap-2 pl-5">
        {content.checklist.map((item) => (
          <li key={item.key}>
            <span className="font-medium">{item.label}</span>
            {item.required ? "" : " (optional)"}
            <span className="block text-xs text-muted">{item.help}</span>
            {item.kind === "choice" ? (
              <span className="block text-xs">
                Choices: {item.choices?.join(", ")}; pass: {item.passChoices?.join(", ")}
              </span>
            ) : null}
            <span className="block text-xs">
              A failure suggests {OUTCOME_LABEL[item.onFail.outcome]}: {item.onFail.reason}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function VersionPolicy({ content }: { content: RulebookContent }) {
  const { reasons, fourEyesForAll } = content;
  if (!reasons || fourEyesForAll === undefined)
    return (
      <p className="text-muted">
        Decision reasons and four-eyes were kept in Settings, outside this version.
      </p>
    );
  return (
    <>
      <p className="text-muted">
        Second reviewer: {fourEyesForAll ? "for every decision" : "for rejections and aborts"}
      </p>
      <ul className="flex flex-col gap-1">
        {Object.entries(OUTCOME_LABEL).map(([outcome, label]) => (
          <li key={outcome}>
            Reasons to {label}: {reasons[outcome as keyof typeof reasons].join("; ") || "none"}
          </li>
        ))}
      </ul>
    </>
  );
}
