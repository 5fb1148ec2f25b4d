import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { TIMELINE_LIMIT, type TimelineEntry } from "@/lib/verifications/timeline";

export function Timeline({ entries, auditHref }: { entries: TimelineEntry[]; auditHref?: string }) {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-card border border-border bg-surface p-4">
      <h2 id="timeline-heading" className="mb-3 font-semibold">
        Timeline
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-muted">Nothing has happened yet.</p>
      ) : (
        <ol className="flex flex-col gap-2 text-sm">
          {entries.map((entry) => (
            <li key={entry.id} className="border-l-2 border-border pl-3">
              <span className="block">{entry.label}</span>
              {entry.summary ? <span className="block text-xs">{entry.summary}</span> : null}
              <span className="text-xs text-muted">
                <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time> ·{" "}
                <span title={entry.actorEmail ?? undefined}>{entry.actor}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {auditHref ? (
        <Link href={auditHref} className="mt-3 inline-block text-xs text-accent hover:underline">
          {entries.length >= TIMELINE_LIMIT ? `Only the first ${TIMELINE_LIMIT} shown: ` : ""}
          Open in the audit log
        </Link>
      ) : null}
    </section>
  );
}
