import type { ApproximateCount } from "@/lib/verifications/count";

const number = new Intl.NumberFormat("en-GB");

/** "7 verifications" when counted, "about 1.2 million" when estimated: an exact count would scan the table. */
export function ResultCount({ count, scopeNote }: { count: ApproximateCount; scopeNote: string | null }) {
  const value = count.exact
    ? `${number.format(count.value)} ${count.value === 1 ? "verification" : "verifications"}`
    : `About ${number.format(count.value)} verifications`;
  return (
    <p className="text-sm text-muted" aria-live="polite">
      {value}
      {scopeNote ? ` · ${scopeNote}` : ""}
    </p>
  );
}
