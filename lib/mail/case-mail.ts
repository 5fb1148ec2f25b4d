import "server-only";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/format";
import type { MailMessage } from "@/lib/mail/transport";

/** The case's page under APP_URL: staff mail names no client, so the link is the only way to the case. */
function caseUrl(verificationId: string): string {
  return new URL(`/verifications/${encodeURIComponent(verificationId)}`, getEnv().APP_URL).toString();
}

/**
 * An email to staff about one case: the lines, then the case's link, behind which they sign in and the case
 * page checks their access. Mail sits in inboxes we do not control, so callers put no client data in it.
 * Callers put the lines and subject in the recipient's language (StaffUser.language, else English).
 */
export function caseEmail(input: {
  subject: string;
  lines: string[];
  verificationId: string;
}): Omit<MailMessage, "to"> {
  const url = caseUrl(input.verificationId);
  return {
    subject: `${getEnv().ORG_NAME}: ${input.subject}`,
    text: [...input.lines, url].join("\n\n"),
    html: [
      ...input.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
      `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    ].join(""),
  };
}
