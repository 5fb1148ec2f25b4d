import "server-only";
import { getEnv } from "@/lib/env";
import { errorSummary, getLogger } from "@/lib/log";
import { mailConfigured, sendMail } from "@/lib/mail/transport";

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Emails the link when SMTP_URL is set. False when there is no mail server or it refused: show the link then. */
export async function sendInvitationMail(
  to: { email: string; name: string },
  url: string,
  expiresAt: Date,
): Promise<boolean> {
  if (!mailConfigured()) return false;
  const org = getEnv().ORG_NAME;
  const until = `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const lines = [
    `Hello ${to.name},`,
    `An administrator has created an account for you in ${org}.`,
    `Open this link to choose your password. It works once, until ${until}:`,
  ];
  const result = await sendMail({
    to: to.email,
    subject: `Your ${org} account`,
    text: [...lines, url, "If you did not expect this email, you can ignore it."].join("\n\n"),
    html: [
      ...lines.map((l) => `<p>${escape(l)}</p>`),
      `<p><a href="${escape(url)}">${escape(url)}</a></p>`,
    ].join(""),
  });
  // The link itself is never logged: it would open the account.
  if (!result.ok)
    getLogger("invitation-mail").warn({ error: errorSummary(result.reason) }, "invitation not sent");
  return result.ok;
}
