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
