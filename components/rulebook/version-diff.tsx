import { useTranslations } from "next-intl";
import { isEmptyDiff, type RulebookDiff } from "@/lib/rulebook/rules";

const POLICY_FIELDS = ["decide", "secondReview", "fourEyesForAll", "watchRequired", "watchMinShare"] as const;
const isPolicyField = (field: string): field is (typeof POLICY_FIELDS)[number] =>
  (POLICY_FIELDS as readonly string[]).includes(field);
const REASON_FIELD = /^reasons\.(APPROVE|REJECT|REQUEST_RESUBMISSION|ABORT)$/;

/** What changed between two versions, item by item and field by field. */
export function VersionDiff({ diff, from, to }: { diff: RulebookDiff; from: number; to: number }) {
  const t = useTranslations("rulebook.diff");
  const show = (v: unknown): string =>
    v === null || v === undefined
      ? t("none")
      : typeof v === "string"
        ? v
        : typeof v === "boolean"
          ? t(v ? "yes" : "no")
          : Array.isArray(v)
            ? v.join("; ") || t("none")
            : JSON.stringify(v);
  const showPolicy = (field: string, v: unknown) =>
    field === "watchMinShare" && typeof v === "number" ? `${Math.round(v * 100)}%` : show(v);
  const policyName = (field: string) => {
    const outcome = REASON_FIELD.exec(field)?.[1] as
      "APPROVE" | "REJECT" | "REQUEST_RESUBMISSION" | "ABORT" | undefined;
    if (outcome) return t(`policy.reasons.${outcome}`);
    return isPolicyField(field) ? t(`policy.${field}`) : field;
  };
  return (
    <section
      aria-labelledby="diff-heading"
      className="flex flex-col gap-2 rounded-card border border-border bg-surface p-4 text-sm"
    >
      <h2 id="diff-heading" className="font-semibold">
        {t("heading", { from, to })}
      </h2>
      {isEmptyDiff(diff) ? <p className="text-muted">{t("noDifferences")}</p> : null}
      <ul className="flex flex-col gap-1">
        {diff.added.map((i) => (
          <li key={`a-${i.key}`} className="text-success">
            {t("added", { label: i.label, key: i.key })}
          </li>
        ))}
        {diff.removed.map((i) => (
          <li key={`r-${i.key}`} className="text-danger">
            {t("removed", { label: i.label, key: i.key })}
          </li>
        ))}
        {diff.changed.map((c) => (
          <li key={`c-${c.key}`}>
            {t("changed", { label: c.label, key: c.key })}
            <ul className="ml-4 list-disc">
              {c.fields.map((f) => (
                <li key={f.field}>
                  {f.field}: <del>{show(f.before)}</del> → <ins>{show(f.after)}</ins>
                </li>
              ))}
            </ul>
          </li>
        ))}
        {diff.reordered ? <li>{t("reordered")}</li> : null}
        {diff.policy.map((p) => (
          <li key={p.field}>
            {policyName(p.field)}: <del>{showPolicy(p.field, p.before)}</del> →{" "}
            <ins>{showPolicy(p.field, p.after)}</ins>
          </li>
        ))}
      </ul>
    </section>
  );
}
