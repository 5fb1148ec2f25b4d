import Link from "next/link";
import { useTranslations } from "next-intl";
import { TimelineItems, type TimelineLine } from "@/components/verifications/timeline-items";
import { describeMoment } from "@/lib/format";
import { TIMELINE_LIMIT, type TimelineEntry } from "@/lib/verifications/timeline";
import { groupTimeline } from "@/lib/verifications/timeline-group";

const lineOf = (entry: TimelineEntry): TimelineLine => ({
  id: entry.id,
  label: entry.label,
  summary: entry.summary,
  at: describeMoment(entry.at),
  actor: entry.actor,
  actorEmail: entry.actorEmail,
});

export function Timeline({ entries, auditHref }: { entries: TimelineEntry[]; auditHref?: string }) {
  const t = useTranslations("verifications.timeline");
  return (
    <section aria-labelledby="timeline-heading" className="rounded-card border border-border bg-surface p-4">
      <h2 id="timeline-heading" className="mb-3 font-semibold">
        {t("heading")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        <TimelineItems
          items={groupTimeline(entries).map((item) =>
            item.type === "entry"
              ? { type: "entry", line: lineOf(item.entry) }
              : {
                  type: "reads",
                  id: item.id,
                  summary: item.summary,
                  count: t("reads", { count: item.entries.length }),
                  lines: item.entries.map(lineOf),
                },
          )}
        />
      )}
      {auditHref ? (
        <Link href={auditHref} className="mt-3 inline-block text-xs text-accent hover:underline">
          {entries.length >= TIMELINE_LIMIT ? t("limited", { limit: TIMELINE_LIMIT }) : t("openAudit")}
        </Link>
      ) : null}
    </section>
  );
}
