import { OUTCOME_LABEL } from "@/lib/decisions/rules";
import { isEmptyDiff, type RulebookDiff } from "@/lib/rulebook/rules";

const show = (v: unknown) =>
  v === null || v === undefined
    ? "none"
    : typeof v === "string"
      ? v
      : typeof v === "boolean"
        ? v
          ? "yes"
          : "no"
        : Array.isArray(v)
          ? v.join("; ") || "none"
          : JSON.stringify(v);
const POLICY: Record<string, string> = {
  decide: "Qualification to decide",
  secondReview: "Qualification for second review",
  fourEyesForAll: "Second reviewer for every decision",
  ...Object.fromEntries(
    Object.entries(OUTCOME_LABEL).map(([o, label]) => [`reasons.${o}`, `Reasons to ${label}`]),
  ),
  watchRequired: "Approving needs the video played",
  watchMinShare: "Share of the video to play",
};
const showPolicy = (field: string, v: unknown) =>
  field === "watchMinShare" && typeof v === "number" ? `${Math.round(v * 100)}%` : show(v);

/** What changed between two versions, item by item and field by field. */
export function VersionDiff({ diff, from, to }: { diff: RulebookDiff; from: number; to: number }) {
  return (
    <section
      aria-labelledby="diff-heading"
      className="flex flex-col gap-2 rounded-card border border-border bg-surface p-4 text-sm"
    >
      <h2 id="diff-heading" className="font-semibold">
        Changes from version {from} to version {to}
      </h2>
      {isEmptyDiff(diff) ? <p className="text-muted">No differences.</p> : null}
      <ul className="flex flex-col gap-1">
        {diff.added.map((i) => (
          <li key={`a-${i.key}`} className="text-success">
            Added: {i.label} ({i.key})
          </li>
        ))}
        {diff.removed.map((i) => (
          <li key={`r-${i.key}`} className="text-danger">
            Removed: {i.label} ({i.key})
          </li>
        ))}
        {diff.changed.map((c) => (
          <li key={`c-${c.key}`}>
            Changed: {c.label} ({c.key})
            <ul className="ml-4 list-disc">
              {c.fields.map((f) => (
                <li key={f.field}>
                  {f.field}: <del>{show(f.before)}</del> → <ins>{show(f.after)}</ins>
                </li>
              ))}
            </ul>
          </li>
        ))}
        {diff.reordered ? <li>The order of the items changed.</li> : null}
        {diff.policy.map((p) => (
          <li key={p.field}>
            {POLICY[p.field] ?? p.field}: <del>{showPolicy(p.field, p.before)}</del> →{" "}
            <ins>{showPolicy(p.field, p.after)}</ins>
          </li>
        ))}
      </ul>
    </section>
  );
}
