import { escapeHtml } from "@/lib/format";

// A download started from a plain link is a navigation: when it fails, the browser shows whatever the route
// answered, so a navigation gets a readable page (with the same status) rather than JSON.

const TITLE: Record<number, string> = {
  401: "Your session has ended",
  403: "Not allowed",
  404: "Not found",
};

/** Whether the request is the browser opening the address itself (a link or a typed URL), not a fetch(). */
function isNavigation(request: Request): boolean {
  const dest = request.headers.get("sec-fetch-dest");
  if (dest) return dest === "document";
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/** `response` as is, unless it is an error answering a navigation: then the same error as a page. */
export async function asErrorPage(request: Request, response: Response, back: string): Promise<Response> {
  if (response.ok || !isNavigation(request)) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: unknown } | null;
  const reason =
    typeof body?.error === "string" ? body.error : `The download failed (HTTP ${response.status}).`;
  const title = TITLE[response.status] ?? "The download failed";
  const next =
    response.status === 401
      ? `<a href="/login">Sign in again</a>`
      : `<a href="${escapeHtml(back)}">Back to the verification</a>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(reason)}</p><p>${next}</p></main></body></html>`;
  return new Response(html, {
    status: response.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
