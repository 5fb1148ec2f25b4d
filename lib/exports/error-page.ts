import { escapeHtml } from "@/lib/format";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import { negotiateLanguage } from "@/lib/i18n/negotiate";

// A download started from a plain link is a navigation: when it fails, the browser shows whatever the route
// answered, so a navigation gets a readable page (with the same status) rather than JSON.

const TITLE = { 401: "sessionEnded", 403: "notAllowed", 404: "notFound" } as const;
const titleOf = (status: number) => (status in TITLE ? TITLE[status as keyof typeof TITLE] : "failed");

/** Whether the request is the browser opening the address itself (a link or a typed URL), not a fetch(). */
function isNavigation(request: Request): boolean {
  const dest = request.headers.get("sec-fetch-dest");
  if (dest) return dest === "document";
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/** `response` as is, unless it is an error answering a navigation: then the same error as a page. */
export async function asErrorPage(request: Request, response: Response, back: string): Promise<Response> {
  if (response.ok || !isNavigation(request)) return response;
  // Signed out, nobody's language is known but the browser's; otherwise the session set the person's.
  const language =
    response.status === 401 ? negotiateLanguage(request.headers.get("accept-language")) : currentLanguage();
  const t = translatorFor(language);
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: unknown } | null;
  const reason =
    typeof body?.error === "string" ? body.error : t("exports.errorPage.reason", { status: response.status });
  const title = t(`exports.errorPage.title.${titleOf(response.status)}`);
  const next =
    response.status === 401
      ? `<a href="/login">${escapeHtml(t("exports.errorPage.signIn"))}</a>`
      : `<a href="${escapeHtml(back)}">${escapeHtml(t("exports.errorPage.back"))}</a>`;
  const html = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(reason)}</p><p>${next}</p></main></body></html>`;
  return new Response(html, {
    status: response.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
