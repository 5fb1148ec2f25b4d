import "server-only";
import { getEnv } from "@/lib/env";
import { escapeHtml, formatUtcDateTime } from "@/lib/format";
import { errorSummary, getLogger } from "@/lib/log";
import { mailConfigured, sendMail } from "@/lib/mail/transport";
import { invitationUrl } from "@/lib/staff/invitations";

/** Emails the link when SMTP_URL is set. False when there is no mail server or it refused: show the link then. */
async function sendInvitationMail(
  to: { email: string; name: string },
  url: string,
  expiresAt: Date,
): Promise<boolean> {
  if (!mailConfigured()) return false;
  const org = getEnv().ORG_NAME;
  const lines = [
    `Hello ${to.name},`,
    `An administrator has created an account for you in ${org}.`,
    `Open this link to choose your password. It works once, until ${formatUtcDateTime(expiresAt)}:`,
  ];
  const result = await sendMail({
    to: to.email,
    subject: `Your ${org} account`,
    text: [...lines, url, "If you did not expect this email, you can ignore it."].join("\n\n"),
    html: [
      ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
      `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    ].join(""),
  });
  // The link itself is never logged: it would open the account.
  if (!result.ok)
    getLogger("invitation-mail").warn({ error: errorSummary(result.reason) }, "invitation not sent");
  return result.ok;
}

export type Delivery = { message: string; inviteUrl?: string };

/**
 * Gets a new invitation link to its person. The link opens the account, so an admin sees it only when there
 * is no mail server at all (SMTP_URL unset); with one, it goes by email only, to the address that was
 * approved, and a refused email is said so, to be retried with "New invitation link".
 */
export async function deliverInvitation(
  to: { email: string; name: string },
  token: string,
  expiresAt: Date,
): Promise<Delivery> {
  const url = invitationUrl(token);
  if (!mailConfigured()) {
    return { message: `Send ${to.email} the link below; it works once.`, inviteUrl: url };
  }
  if (await sendInvitationMail(to, url, expiresAt)) return { message: `Invitation emailed to ${to.email}.` };
  return {
    message: `The invitation email to ${to.email} could not be sent. Try again later with "New invitation link".`,
  };
}
