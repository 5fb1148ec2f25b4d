import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { TIMELINE_LIMIT, type TimelineEntry } from "@/lib/verifications/timeline";

const LABEL: Record<string, string> = {
  "verification.created": "Verification created at MarkID",
  "call.started": "Video call started",
  "call.start_failed": "Video call could not start",
  "webhook.video_call_finished": "MarkID reported the call finished",
  "webhook.identification_result": "MarkID sent a result",
  "recording.archived": "Recording archived",
  "recording.archive_failed": "Recording could not be archived",
  "recording.viewed": "Recording viewed",
  "recordings.fetch_requested": "Recordings requested",
  "decision.recorded": "Decision recorded",
  "decision.confirmed": "Decision confirmed (four-eyes)",
  "decision.overruled": "Decision overruled (four-eyes)",
  "note.added": "Note added",
  "qa.reviewed": "QA review recorded",
  "qa.disagreement_acknowledged": "QA disagreement seen by a lead",
  "checklist.answered": "Checklist item answered",
  "verification.claimed": "Verification claimed",
  "verification.token_renewed": "MarkID token renewed (new scanRef)",
  "link.issued": "Client link issued",
  "link.sent": "Client link emailed",
  "link.send_failed": "Client link email failed",
  "link.opened": "Client opened the link",
  "link.superseded": "Client link replaced by a newer one",
  "recording.downloaded": "Recording downloaded",
  "export.evidence_pack": "Evidence pack exported",
};

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
              <span className="block">{LABEL[entry.action] ?? entry.action}</span>
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
