import { formatDateTime } from "@/lib/format";
import type { LinkChannel, LinkKind } from "@/lib/generated/prisma/enums";
import type { LinkRow } from "@/lib/links/queries";

// Never "Video call link": that is the call panel's field, and tests find it by that label.
export const KIND_LABEL: Record<LinkKind, string> = { TOKEN_REDIRECT: "Start link", VIDEO_CALL: "Call link" };
export const CHANNEL_LABEL: Record<LinkChannel, string> = { COPY: "Copy", QR: "QR code", EMAIL: "Email" };

/** One line on where the link stands: delivery, opening, expiry. */
export function linkSummary(link: LinkRow): string {
  const parts: string[] = [];
  if (link.channel === "EMAIL") {
    if (link.status === "ACCEPTED") parts.push(`emailed to ${link.recipient}`);
    else if (link.status === "FAILED")
      parts.push(
        `email to ${link.recipient} failed (${link.attempts} attempts): ${link.failureReason ?? "unknown"}`,
      );
    else parts.push(`email to ${link.recipient} pending`);
  } else {
    parts.push(link.channel === "QR" ? "shown as a QR code" : "copied by staff");
  }
  parts.push(
    link.firstOpenedAt
      ? `opened ${link.openCount}× (first ${formatDateTime(link.firstOpenedAt)})`
      : "not opened",
  );
  if (link.view === "replaced") parts.push("replaced");
  else if (link.view === "expired") parts.push("expired");
  else if (link.expiresAt) parts.push(`expires ${formatDateTime(link.expiresAt)}`);
  return parts.join(" · ");
}
