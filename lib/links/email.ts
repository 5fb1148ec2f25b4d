// The message a client receives with a link, as plain text and HTML, in the client's language
// (Verification.clientLanguage). Pure: the tests read it as sent.
import { escapeHtml, formatUtcDateTime } from "@/lib/format";
import type { LinkKind } from "@/lib/generated/prisma/enums";
import { DEFAULT_LANGUAGE, type Language } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/messages";

export type LinkEmailInput = {
  orgName: string;
  url: string;
  kind: LinkKind;
  clientName: string | null;
  expiresAt: Date | null;
  language?: Language;
};

export function linkEmail(input: LinkEmailInput): { subject: string; text: string; html: string } {
  const language = input.language ?? DEFAULT_LANGUAGE;
  const t = translatorFor(language);
  const org = input.orgName;
  const greeting = input.clientName
    ? t("linkEmail.greetingNamed", { name: input.clientName })
    : t("linkEmail.greeting");
  const ask =
    input.kind === "VIDEO_CALL" ? t("linkEmail.askVideoCall", { org }) : t("linkEmail.askToken", { org });
  const expiry = input.expiresAt
    ? t("linkEmail.worksUntil", { at: formatUtcDateTime(input.expiresAt, language) })
    : t("linkEmail.limitedTime");
  const newer = t("linkEmail.newer");
  const ignore = t("linkEmail.ignore");
  const text = [
    greeting,
    "",
    ask,
    "",
    t("linkEmail.openToStart"),
    input.url,
    "",
    expiry,
    newer,
    "",
    ignore,
    "",
    org,
  ].join("\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;color:#111827;line-height:1.5;max-width:560px">`,
    p(greeting),
    p(ask),
    `<p style="margin:0 0 16px"><a href="${escapeHtml(input.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(t("linkEmail.button"))}</a></p>`,
    `<p style="margin:0 0 16px;font-size:14px">${escapeHtml(t("linkEmail.copyAddress", { url: input.url }))}</p>`,
    p(`${expiry} ${newer}`),
    `<p style="margin:0 0 16px;font-size:14px;color:#4b5563">${escapeHtml(ignore)}</p>`,
    p(org),
    `</body></html>`,
  ].join("\n");
  return { subject: t("linkEmail.subject", { org }), text, html };
}
