import { formatDateTime } from "@/components/ui/format";
import type { TimelineEntry } from "@/lib/verifications/timeline";

const LABEL: Record<string, string> = {
  "verification.created": "Verification created at MarkID",
  "call.started": "Video call started",
  "call.start_failed": "Video call could not start",
  "webhook.video_call_finished": "MarkID reported the call finished",
  "webhook.identification_result": "MarkID sent a result",
  "recording.archived": "Recording archived",
  "recording.viewed": "Recording viewed",
  "recordings.fetch_requested": "Recordings requested",
  "decision.recorded": "Decision recorded",
  "decision.confirmed": "Decision confirmed (four-eyes)",
  "decision.overruled": "Decision overruled (four-eyes)",
  "note.added": "Note added",
  "verification.claimed": "Verification claimed",
};

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
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
              <span className="text-xs text-muted">
                {formatDateTime(entry.at)} · {entry.actor}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
