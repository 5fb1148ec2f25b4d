import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { getEnv } from "@/lib/env";
import { processWide } from "@/lib/singleton";

export type MailMessage = { to: string; subject: string; text: string; html: string };
export type MailResult = { ok: true } | { ok: false; reason: string };

function transportFor(url: string): Transporter {
  const cache = processWide("mail-transports", () => new Map<string, Transporter>());
  let transport = cache.get(url);
  if (!transport) {
    // Short timeouts: a mail server that hangs must not hold a staff request, or a job, for minutes.
    transport = nodemailer.createTransport({
      ...parseConnectionUrl(url),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    cache.set(url, transport);
  }
  return transport;
}

export function mailConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

/** Hands one message to SMTP_URL's server. The reason of a refusal is the server's own answer, kept short. */
export async function sendMail(message: MailMessage): Promise<MailResult> {
  const env = getEnv();
  if (!env.SMTP_URL) return { ok: false, reason: "No mail server is configured (SMTP_URL)." };
  try {
    await transportFor(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...message });
    return { ok: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: reason.slice(0, 300) };
  }
}

/** A mail server's words with every email address replaced: for where personal data may not be kept. */
export function withoutAddresses(text: string): string {
  return text.replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, "<address>");
}
