import "server-only";
import { getDb } from "@/lib/db";
import { DEFAULT_LANGUAGE } from "@/lib/i18n/languages";
import { translatorFor, type Translator } from "@/lib/i18n/messages";
import { errorSummary, getLogger } from "@/lib/log";
import { caseEmail } from "@/lib/mail/case-mail";
import { mailConfigured, sendMail } from "@/lib/mail/transport";

export type DisagreementMailOutcome =
  | { status: "accepted" }
  | { status: "failed"; reason: string }
  /** No mail server, a lead no longer active, or a sample that is not a disagreement with an approval. */
  | { status: "skipped" };

/**
 * The lines of the email a lead gets. It holds no client data (no name, no client ID) and not the reviewer's
 * comment, which is free text: only the fixed reason and the state of the case (the link follows them).
 */
function disagreementLines(t: Translator, input: { reason: string | null; reopened: boolean }): string[] {
  return [
    t("staffMail.disagreement.disagreed"),
    t("staffMail.disagreement.reason", {
      reason: input.reason ?? t("staffMail.disagreement.reasonNotGiven"),
    }),
    input.reopened ? t("staffMail.disagreement.reopened") : t("staffMail.disagreement.notReopened"),
    t("staffMail.disagreement.openCase"),
  ];
}

/** Emails one lead about one QA disagreement with an approval; checked again here, as it may have waited. */
export async function deliverDisagreementMail(
  sampleId: string,
  leadId: string,
): Promise<DisagreementMailOutcome> {
  if (!mailConfigured()) return { status: "skipped" };
  const db = getDb();
  const [sample, lead] = await Promise.all([
    db.qaSample.findFirst({
      where: { id: sampleId, verdict: "DISAGREE", decision: { outcome: "APPROVE" } },
      select: { verificationId: true, disagreeReason: true, reopened: true },
    }),
    db.staffUser.findFirst({
      where: { id: leadId, active: true, role: "LEAD" },
      select: { email: true, language: true },
    }),
  ]);
  if (!sample || !lead) return { status: "skipped" };
  // In the lead's own language; one who never chose one reads English.
  const t = translatorFor(lead.language ?? DEFAULT_LANGUAGE);
  const message = caseEmail({
    subject: t("staffMail.disagreement.subject"),
    lines: disagreementLines(t, { reason: sample.disagreeReason, reopened: sample.reopened }),
    verificationId: sample.verificationId,
  });
  const sent = await sendMail({ to: lead.email, ...message });
  // Ids only in the log: the mail server's refusal may name the address.
  const log = getLogger("qa-mail");
  if (sent.ok) log.info({ sampleId, leadId }, "QA disagreement emailed");
  else log.warn({ sampleId, leadId, error: errorSummary(sent.reason) }, "QA disagreement email refused");
  return sent.ok ? { status: "accepted" } : { status: "failed", reason: sent.reason };
}
