import "server-only";
import { getEnv } from "@/lib/env";
import { escapeHtml, formatUtcDateTime } from "@/lib/format";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor, type Translator } from "@/lib/i18n/messages";
import { errorSummary, getLogger } from "@/lib/log";
import { mailConfigured, sendMail } from "@/lib/mail/transport";
import { invitationUrl } from "@/lib/staff/invitations";

/** Emails the link when SMTP_URL is set. False when there is no mail server or it refused: show the link then. */
async function sendInvitationMail(
  t: Translator,
  to: { email: string; name: string },
  url: string,
  expiresAt: Date,
): Promise<boolean> {
  if (!mailConfigured()) return false;
  const org = getEnv().ORG_NAME;
  const lines = [
    t("auth.invitation.hello", { name: to.name }),
    t("auth.invitation.created", { org }),
    t("auth.invitation.openLink", { until: formatUtcDateTime(expiresAt) }),
  ];
  const result = await sendMail({
    to: to.email,
    subject: t("auth.invitation.subject", { org }),
    text: [...lines, url, t("auth.invitation.ignore")].join("\n\n"),
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
 * The invitee has chosen no language yet: the email is in the inviting administrator's, like the answer.
 */
export async function deliverInvitation(
  to: { email: string; name: string },
  token: string,
  expiresAt: Date,
): Promise<Delivery> {
  const t = translatorFor(currentLanguage());
  const url = invitationUrl(token);
  if (!mailConfigured()) {
    return { message: t("auth.invitation.sendLink", { email: to.email }), inviteUrl: url };
  }
  if (await sendInvitationMail(t, to, url, expiresAt)) {
    return { message: t("auth.invitation.emailed", { email: to.email }) };
  }
  return { message: t("auth.invitation.notSent", { email: to.email }) };
}
