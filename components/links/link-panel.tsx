import QRCode from "qrcode";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import type { FormAction } from "@/lib/actions/validated-action";
import type { LinkRow } from "@/lib/links/queries";
import { linkSummary } from "@/components/links/labels";
import { SendLinkForm } from "@/components/links/send-link-form";

type Props = {
  links: LinkRow[];
  canSend: boolean;
  hasCall: boolean;
  mailEnabled: boolean;
  /** Set in development when mail goes to the local catcher. */
  mailboxHref: string | null;
  defaultEmail: string | null;
  send: FormAction;
};

/** The client's links: the live start link to copy or scan, every link's fate, and sending a new one. */
export async function LinkPanel({
  links,
  canSend,
  hasCall,
  mailEnabled,
  mailboxHref,
  defaultEmail,
  send,
}: Props) {
  const t = await getTranslations("links");
  const start = links.find((l) => l.kind === "TOKEN_REDIRECT" && l.view === "live" && l.url);
  const qr = start?.url ? await QRCode.toDataURL(start.url, { margin: 1, width: 160 }) : null;
  return (
    <section aria-labelledby="links-heading" className="rounded-card border border-border bg-surface p-4">
      <h2 id="links-heading" className="mb-3 font-semibold">
        {t("panel.heading")}
      </h2>
      {start?.url && qr ? (
        <div className="mb-4 flex flex-wrap items-start gap-4">
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            <label htmlFor="start-link" className="text-sm font-medium">
              {t("panel.startLink")}
            </label>
            <input
              id="start-link"
              readOnly
              value={start.url}
              className="w-full rounded-md border border-border bg-raised px-3 py-2 font-mono text-xs"
            />
            <div>
              <CopyButton value={start.url} label={t("panel.copy")} />
            </div>
          </div>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL needs no optimisation */}
          <img src={qr} alt={t("panel.qrAlt")} width={120} height={120} className="rounded-md bg-white p-1" />
        </div>
      ) : null}
      {links.length === 0 ? (
        <p className="mb-4 text-sm text-muted">{t("panel.none")}</p>
      ) : (
        <ol className="mb-4 flex flex-col gap-2 text-sm" aria-label={t("panel.listLabel")}>
          {links.map((l) => (
            <li key={l.id} className="border-l-2 border-border pl-3" data-view={l.view}>
              <span className="block">
                {t(`kind.${l.kind}`)} · {t(`channel.${l.channel}`)} · <LocalTime at={l.createdAt} />
                {l.sentBy ? ` ${t("panel.by", { name: l.sentBy })}` : ""}
              </span>
              <span
                className={`text-xs ${l.status === "FAILED" && l.view === "live" ? "text-danger" : "text-muted"}`}
              >
                {linkSummary(l)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {canSend ? (
        <SendLinkForm action={send} hasCall={hasCall} mailEnabled={mailEnabled} defaultEmail={defaultEmail} />
      ) : null}
      {mailboxHref ? (
        <p className="mt-3 text-xs text-muted">
          {t.rich("panel.devMailbox", {
            link: (chunks) => (
              <Link href={mailboxHref} className="text-accent underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
    </section>
  );
}
