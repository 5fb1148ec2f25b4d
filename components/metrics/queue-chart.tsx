import { useTranslations } from "next-intl";
import { formatNumber } from "@/components/metrics/format";
import type { QueueAge } from "@/lib/metrics/queries";

/** The open queue by age: the long bars at the bottom are the cases going stale. */
export function QueueChart({ queue }: { queue: QueueAge }) {
  const t = useTranslations("metrics");
  const max = Math.max(1, ...queue.buckets.map((b) => b.count));
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {queue.buckets.map((b, i) => (
        <li key={b.bucket} className="grid grid-cols-[7rem_1fr_4rem] items-center gap-2">
          <span className="text-muted">{t(`ageBucket.${b.bucket}`)}</span>
          <span className="h-3 rounded-sm bg-raised">
            <span
              className={`block h-3 rounded-sm ${i >= 4 ? "bg-danger" : i >= 3 ? "bg-warning" : "bg-accent"}`}
              style={{ width: `${(b.count / max) * 100}%` }}
            />
          </span>
          <span className="text-right tabular-nums">{formatNumber(b.count)}</span>
        </li>
      ))}
    </ul>
  );
}
