import { getTranslations } from "next-intl/server";
import type { ApproximateCount } from "@/lib/verifications/count";

/** "7 verifications" when counted, "about 1.2 million" when estimated: an exact count would scan the table. */
export async function ResultCount({
  count,
  scopeNote,
}: {
  count: ApproximateCount;
  scopeNote: string | null;
}) {
  const t = await getTranslations("verifications.list");
  const value = count.exact ? t("count", { count: count.value }) : t("about", { count: count.value });
  return (
    <p className="text-sm text-muted" aria-live="polite">
      {value}
      {scopeNote ? ` · ${scopeNote}` : ""}
    </p>
  );
}
