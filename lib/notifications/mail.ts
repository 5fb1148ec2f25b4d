import "server-only";
import { getDb } from "@/lib/db";
import { errorSummary, getLogger } from "@/lib/log";
import { caseEmail } from "@/lib/mail/case-mail";
import { mailConfigured, sendMail } from "@/lib/mail/transport";
import { DEFAULT_LANGUAGE } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/messages";

type NotificationMailOutcome = { status: "accepted" | "skipped" } | { status: "failed"; reason: string };

/**
 * Emails one notification to its reader, checked again here since the job may have waited: the account still
 * active and still asking for email. The email says what happened and links to the case, nothing about the
 * client; the case page checks the reader's access behind the link.
 */
export async function deliverNotificationMail(notificationId: string): Promise<NotificationMailOutcome> {
  if (!mailConfigured()) return { status: "skipped" };
  const notification = await getDb().notification.findFirst({
    where: { id: notificationId, user: { active: true, notifyByEmail: true } },
    select: {
      kind: true,
      verificationId: true,
      userId: true,
      user: { select: { email: true, language: true } },
    },
  });
  if (!notification) return { status: "skipped" };
  // In the reader's own language; one who never chose one reads English (no browser to ask here).
  const t = translatorFor(notification.user.language ?? DEFAULT_LANGUAGE);
  const text = t(`notifications.kinds.${notification.kind}`);
  const message = caseEmail({
    subject: text,
    lines: [t("staffMail.notification.line", { text }), t("staffMail.notification.openCase")],
    verificationId: notification.verificationId,
  });
  const sent = await sendMail({ to: notification.user.email, ...message });
  // Ids only in the log: the mail server's refusal may name the address.
  const log = getLogger("notification-mail");
  const ids = { notificationId, userId: notification.userId };
  if (sent.ok) log.info(ids, "notification emailed");
  else log.warn({ ...ids, error: errorSummary(sent.reason) }, "notification email refused");
  return sent.ok ? { status: "accepted" } : { status: "failed", reason: sent.reason };
}
