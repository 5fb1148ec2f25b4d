import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { Recordings } from "@/components/review/recordings";
import type { ReportPlayback } from "@/components/review/use-playback-report";
import { evidenceKind } from "@/lib/decisions/rules";
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
  const t = useTranslations("review.section");
  const evidence = useTranslations("decisions.evidence");
  const missing = v.missingEvidence.map((name) => {
    const kind = evidenceKind(name);
    return kind ? evidence(kind) : name;
  });
  return (
    <section
      aria-labelledby="recordings-heading"
      className="rounded-card border border-border bg-surface p-4"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="recordings-heading" className="font-semibold">
          {t("heading")}
        </h2>
        {canView && canFetch && v.calls.length > 0 ? (
          <ActionButton
            action={fetchAction}
            label={t("fetch")}
            pendingLabel={t("fetching")}
            variant="secondary"
          />
        ) : null}
      </div>
      {!canView ? (
        <p className="text-sm text-muted">{t("noAccess", { count: v.mediaCount })}</p>
      ) : v.media.length === 0 ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <Recordings media={v.media} report={reportPlayback} />
      )}
      {v.watched?.durationSeconds ? (
        <p className="mt-3 text-sm text-muted">
          {t("watched", {
            share: formatShare(v.watched.share),
            duration: formatClock(v.watched.durationSeconds).replace(/^0(?=\d)/, ""),
          })}
        </p>
      ) : null}
      {canView && v.media.length > 0 && v.missingEvidence.length > 0 ? (
        <p className="mt-3 text-sm text-warning">{t("missing", { missing: missing.join(", ") })}</p>
      ) : null}
    </section>
  );
}
