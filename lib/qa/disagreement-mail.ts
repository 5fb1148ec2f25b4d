import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/format";
import { errorSummary, getLogger } from "@/lib/log";
import { mailConfigured, sendMail, type MailMessage } from "@/lib/mail/transport";

export type DisagreementMailOutcome =
  | { status: "accepted" }
  | { status: "failed"; reason: string }
  /** No mail server, a lead no longer active, or a sample that is not a disagreement with an approval. */
  | { status: "skipped" };

/** The case's page: the mail names no client, so the link is the only way to the case. */
function caseUrl(verificationId: string): string {
  return new URL(`/verifications/${encodeURIComponent(verificationId)}`, getEnv().APP_URL).toString();
}

/**
 * The email a lead gets. Mail leaves our systems and sits in inboxes we do not control, so it holds no client
 * data (no name, no client ID) and not the reviewer's comment, which is free text: only the fixed reason, the
 * state of the case and the link, behind which the lead signs in and the case page checks their access.
 */
function disagreementEmail(input: {
  orgName: string;
  url: string;
  reason: string | null;
  reopened: boolean;
}): Omit<MailMessage, "to"> {
  const lines = [
    "A QA reviewer disagreed with an approval.",
    `Reason: ${input.reason ?? "not given"}.`,
    input.reopened
      ? "The case was reopened for a new decision; the approval stays on record, marked QA-disputed."
      : "The case was not reopened: the approval stands until someone acts on it.",
    "Open the case to see the review:",
  ];
  return {
    subject: `${input.orgName}: QA disagreement with an approval`,
    text: [...lines, input.url].join("\n\n"),
    html: [
      ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
      `<p><a href="${escapeHtml(input.url)}">${escapeHtml(input.url)}</a></p>`,
    ].join(""),
  };
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
    db.staffUser.findFirst({ where: { id: leadId, active: true, role: "LEAD" }, select: { email: true } }),
  ]);
  if (!sample || !lead) return { status: "skipped" };
  const message = disagreementEmail({
    orgName: getEnv().ORG_NAME,
    url: caseUrl(sample.verificationId),
    reason: sample.disagreeReason,
    reopened: sample.reopened,
  });
  const sent = await sendMail({ to: lead.email, ...message });
  // Ids only in the log: the mail server's refusal may name the address.
  const log = getLogger("qa-mail");
  if (sent.ok) log.info({ sampleId, leadId }, "QA disagreement emailed");
  else log.warn({ sampleId, leadId, error: errorSummary(sent.reason) }, "QA disagreement email refused");
  return sent.ok ? { status: "accepted" } : { status: "failed", reason: sent.reason };
}
