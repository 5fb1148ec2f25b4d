import { ExternalLink } from "lucide-react";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { CopyButton } from "@/components/ui/copy-button";
import { ActionButton } from "@/components/ui/action-button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { describeOffset, formatDateTime, formatTime } from "@/lib/format";
import type { FormAction } from "@/lib/actions/validated-action";
import type { CallDto } from "@/lib/verifications/detail";

type Props = {
  latest: CallDto | undefined;
  /** Our own short link to the call (lib/links), never MarkID's address itself. */
  callLink: string | null;
  canRun: boolean;
  open: boolean;
  startCall: FormAction;
};

export async function CallPanel({ latest, callLink, canRun, open, startCall }: Props) {
  const link = latest?.outcome === "PENDING" ? callLink : null;
  // A call MarkID reported finished (successful or not); one that never started is simply tried again.
  const ended = latest?.outcome === "SUCCEEDED" || latest?.outcome === "FAILED" ? latest.finishedAt : null;
  const qr = link ? await QRCode.toDataURL(link, { margin: 1, width: 160 }) : null;
  const t = await getTranslations("calls.panel");
  return (
    <section aria-labelledby="call-heading" className="rounded-card border border-border bg-surface p-4">
      <h2 id="call-heading" className="mb-3 font-semibold">
        {t("heading")}
      </h2>
      {ended ? (
        <p role="status" className="mb-3 text-sm">
          {t.rich(latest?.outcome === "SUCCEEDED" ? "finishedAt" : "failedAt", {
            time: () => (
              <time
                dateTime={ended.toISOString()}
                title={`${formatDateTime(ended)} · ${describeOffset(ended)}`}
              >
                {formatTime(ended)}
              </time>
            ),
          })}
        </p>
      ) : null}
      {canRun && open && ended ? (
        // The call is over: another one is possible (a new link for the client), but not the next step.
        <ConfirmAction
          action={startCall}
          label={t("another")}
          title={t("anotherTitle")}
          description={t("anotherDescription")}
          confirmLabel={t("another")}
          pendingLabel={t("starting")}
          confirmVariant="primary"
        />
      ) : canRun && open ? (
        <ActionButton
          action={startCall}
          label={link ? t("startNew") : t("start")}
          pendingLabel={t("starting")}
        />
      ) : null}
      {link && qr ? (
        <div className="mt-4 flex flex-wrap items-start gap-4">
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            <label htmlFor="call-link" className="text-sm font-medium">
              {t("link")}
            </label>
            <input
              id="call-link"
              readOnly
              value={link}
              className="w-full rounded-md border border-border bg-raised px-3 py-2 font-mono text-xs"
            />
            <div className="flex gap-2">
              <CopyButton value={link} label={t("copy")} />
              <a
                href={link}
                target="_blank"
                rel="noopener noreferrer"
                className="inline-flex items-center gap-1 rounded-md border border-border px-3 py-1.5 text-sm hover:bg-raised"
              >
                <ExternalLink className="size-4" aria-hidden /> {t("open")}
              </a>
            </div>
          </div>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL needs no optimisation */}
          <img src={qr} alt={t("qrAlt")} width={160} height={160} className="rounded-md bg-white p-1" />
        </div>
      ) : null}
    </section>
  );
}
