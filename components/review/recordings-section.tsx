import { ActionButton } from "@/components/ui/action-button";
import { Recordings } from "@/components/review/recordings";
import type { ReportPlayback } from "@/components/review/use-playback-report";
import { formatClock } from "@/lib/format";
import { formatShare } from "@/lib/media/played-ranges";
import type { FormAction } from "@/lib/actions/validated-action";
import type { VerificationDetail } from "@/lib/verifications/detail";

type Props = {
  v: VerificationDetail;
  canView: boolean;
  /** Asking MarkID again writes: for those who run calls, not for read-only roles. */
  canFetch: boolean;
  fetchAction: FormAction;
  reportPlayback: ReportPlayback | null;
};

export function RecordingsSection({ v, canView, canFetch, fetchAction, reportPlayback }: Props) {
  return (
    <section
      aria-labelledby="recordings-heading"
      className="rounded-card border border-border bg-surface p-4"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="recordings-heading" className="font-semibold">
          Recordings
        </h2>
        {canView && canFetch && v.calls.length > 0 ? (
          <ActionButton
            action={fetchAction}
            label="Fetch recordings"
            pendingLabel="Fetching…"
            variant="secondary"
          />
        ) : null}
      </div>
      {!canView ? (
        <p className="text-sm text-muted">
          {v.mediaCount} file(s) archived. Your role sees the verification status but not the recordings.
        </p>
      ) : v.media.length === 0 ? (
        <p className="text-sm text-muted">
          No recordings yet. They are archived automatically when the call ends.
        </p>
      ) : (
        <Recordings media={v.media} report={reportPlayback} />
      )}
      {v.watched?.durationSeconds ? (
        <p className="mt-3 text-sm text-muted">
          You watched {formatShare(v.watched.share)} of{" "}
          {formatClock(v.watched.durationSeconds).replace(/^0(?=\d)/, "")}.
        </p>
      ) : null}
      {canView && v.media.length > 0 && v.missingEvidence.length > 0 ? (
        <p className="mt-3 text-sm text-warning">Still missing: {v.missingEvidence.join(", ")}.</p>
      ) : null}
    </section>
  );
}
