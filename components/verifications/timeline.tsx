import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { TIMELINE_LIMIT, type TimelineEntry } from "@/lib/verifications/timeline";
import { groupTimeline } from "@/lib/verifications/timeline-group";

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
        <ol className="flex flex-col gap-2 text-sm">
          {groupTimeline(entries).map((item) =>
            item.type === "entry" ? (
              <li key={item.entry.id} className="border-l-2 border-border pl-3">
                <Line entry={item.entry} />
              </li>
            ) : (
              // One person's reads within a few minutes, folded; every one stays in the audit log.
              <li key={item.id} className="border-l-2 border-border pl-3">
                <details>
                  <summary className="cursor-pointer">
                    <span>{item.summary}</span>{" "}
                    <span className="text-xs text-muted">{t("reads", { count: item.entries.length })}</span>
                  </summary>
                  <ol className="mt-1 flex flex-col gap-1 pl-3">
                    {item.entries.map((entry) => (
                      <li key={entry.id}>
                        <Line entry={entry} />
                      </li>
                    ))}
                  </ol>
                </details>
                <Footer entry={item.entries[0]!} />
              </li>
            ),
          )}
        </ol>
      )}
      {auditHref ? (
        <Link href={auditHref} className="mt-3 inline-block text-xs text-accent hover:underline">
          {entries.length >= TIMELINE_LIMIT ? t("limited", { limit: TIMELINE_LIMIT }) : t("openAudit")}
        </Link>
      ) : null}
    </section>
  );
}

function Line({ entry }: { entry: TimelineEntry }) {
  return (
    <>
      <span className="block">{entry.label}</span>
      {entry.summary ? <span className="block text-xs">{entry.summary}</span> : null}
      <Footer entry={entry} />
    </>
  );
}

function Footer({ entry }: { entry: TimelineEntry }) {
  return (
    <span className="text-xs text-muted">
      <LocalTime at={entry.at} /> · <span title={entry.actorEmail ?? undefined}>{entry.actor}</span>
    </span>
  );
}
