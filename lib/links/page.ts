import "server-only";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/format";
import type { Language } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/messages";
import type { OpenOutcome } from "@/lib/links/open";

const STATUS = { replaced: 410, expired: 410, completed: 410, unknown: 404 } as const;

const HEADERS = {
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
  // The address a client came from is nobody else's business, MarkID's included.
  "Referrer-Policy": "no-referrer",
};

/**
 * The public answer of /l/<slug>: a 303 to MarkID, or a small self-contained page in the client's language
 * (Verification.clientLanguage). A slug that names no link has no client: `fallback` (the browser's) then.
 */
export function linkResponse(outcome: OpenOutcome, head = false, fallback: Language = "en"): Response {
  if (outcome.kind === "redirect") {
    return new Response(null, { status: 303, headers: { ...HEADERS, Location: outcome.url } });
  }
  const language = outcome.language ?? fallback;
  const t = translatorFor(language);
  const org = getEnv().ORG_NAME;
  const title = t(`linkPages.${outcome.view}.title`);
  const body = t(`linkPages.${outcome.view}.body`, { org });
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#111827;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border:1px solid #d5dae1;border-radius:.75rem;padding:2rem;max-width:28rem;margin:1rem}
h1{font-size:1.25rem;margin:0 0 .75rem}p{margin:0;line-height:1.5;color:#4b5563}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></main></body></html>`;
  return new Response(head ? null : html, {
    status: STATUS[outcome.view],
    headers: { ...HEADERS, "Content-Type": "text/html; charset=utf-8", "Content-Language": language },
  });
}
