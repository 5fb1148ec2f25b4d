import { formatDateTime } from "@/lib/format";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import type { LinkRow } from "@/lib/links/queries";

/** One line on where the link stands: delivery, opening, expiry; in the reader's language (server only). */
export function linkSummary(link: LinkRow): string {
  const t = translatorFor(currentLanguage());
  const recipient = link.recipient ?? "";
  const parts: string[] = [];
  if (link.channel === "EMAIL") {
    if (link.status === "ACCEPTED") parts.push(t("links.summary.emailed", { recipient }));
    else if (link.status === "FAILED") {
      const reason = link.failureReason ?? t("links.summary.unknownReason");
      parts.push(t("links.summary.emailFailed", { recipient, attempts: link.attempts, reason }));
    } else parts.push(t("links.summary.emailPending", { recipient }));
  } else {
    parts.push(link.channel === "QR" ? t("links.summary.shownAsQr") : t("links.summary.copied"));
  }
  parts.push(
    link.firstOpenedAt
      ? t("links.summary.opened", { count: link.openCount, at: formatDateTime(link.firstOpenedAt) })
      : t("links.summary.notOpened"),
  );
  if (link.view === "replaced") parts.push(t("links.summary.replaced"));
  else if (link.view === "expired") parts.push(t("links.summary.expired"));
  else if (link.expiresAt) parts.push(t("links.summary.expires", { at: formatDateTime(link.expiresAt) }));
  return parts.join(" · ");
}
