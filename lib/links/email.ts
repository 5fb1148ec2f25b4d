// The message a client receives with a link, as plain text and HTML. Pure: the tests read it as sent.
import { escapeHtml, formatUtcDateTime } from "@/lib/format";
import type { LinkKind } from "@/lib/generated/prisma/enums";

export type LinkEmailInput = {
  orgName: string;
  url: string;
  kind: LinkKind;
  clientName: string | null;
  expiresAt: Date | null;
};

function expiryLine(expiresAt: Date | null): string {
  return expiresAt
    ? `The link works until ${formatUtcDateTime(expiresAt)}.`
    : "The link works for a limited time only.";
}

export function linkEmail(input: LinkEmailInput): { subject: string; text: string; html: string } {
  const greeting = input.clientName ? `Hello ${input.clientName},` : "Hello,";
  const ask =
    input.kind === "VIDEO_CALL"
      ? `${input.orgName} invites you to a video call to verify your identity.`
      : `${input.orgName} asks you to verify your identity in a short video call.`;
  const expiry = expiryLine(input.expiresAt);
  const newer = "If we send you a newer link, use that one: this one then stops working.";
  const ignore = "If you were not expecting this message, you can ignore it.";
  const text = [
    greeting,
    "",
    ask,
    "",
    "Open this link to start:",
    input.url,
    "",
    expiry,
    newer,
    "",
    ignore,
    "",
    input.orgName,
  ].join("\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111827;line-height:1.5;max-width:560px">`,
    p(greeting),
    p(ask),
    `<p style="margin:0 0 16px"><a href="${escapeHtml(input.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none">Start the verification</a></p>`,
    `<p style="margin:0 0 16px;font-size:14px">Or copy this address into your browser: ${escapeHtml(input.url)}</p>`,
    p(`${expiry} ${newer}`),
    `<p style="margin:0 0 16px;font-size:14px;color:#4b5563">${escapeHtml(ignore)}</p>`,
    p(input.orgName),
    `</body></html>`,
  ].join("\n");
  return { subject: `${input.orgName}: your identity verification link`, text, html };
}
