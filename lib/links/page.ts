import "server-only";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/format";
import type { OpenOutcome } from "@/lib/links/open";

type PageView = Extract<OpenOutcome, { kind: "page" }>["view"];

function copy(view: PageView, org: string): { title: string; body: string; status: number } {
  switch (view) {
    case "replaced":
      return {
        title: "This link has been replaced",
        body: `${org} has sent you a newer link for this verification. Please use the most recent link you received; this one no longer works.`,
        status: 410,
      };
    case "expired":
      return {
        title: "This link has expired",
        body: `Please ask ${org} to send you a new link.`,
        status: 410,
      };
    case "completed":
      return {
        title: "This link is no longer needed",
        body: `Your verification with ${org} has moved on: there is nothing more to do with this link.`,
        status: 410,
      };
    default:
      return {
        title: "This link is not valid",
        body: `Check that you opened the whole link from the message, or ask ${org} for a new one.`,
        status: 404,
      };
  }
}

const HEADERS = {
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
  // The address a client came from is nobody else's business, MarkID's included.
  "Referrer-Policy": "no-referrer",
};

/** The public answer of /l/<slug>: a 303 to MarkID, or a small self-contained page. */
export function linkResponse(outcome: OpenOutcome, head = false): Response {
  if (outcome.kind === "redirect") {
    return new Response(null, { status: 303, headers: { ...HEADERS, Location: outcome.url } });
  }
  const org = getEnv().ORG_NAME;
  const { title, body, status } = copy(outcome.view, org);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#111827;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border:1px solid #d5dae1;border-radius:.75rem;padding:2rem;max-width:28rem;margin:1rem}
h1{font-size:1.25rem;margin:0 0 .75rem}p{margin:0;line-height:1.5;color:#4b5563}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></main></body></html>`;
  return new Response(head ? null : html, {
    status,
    headers: { ...HEADERS, "Content-Type": "text/html; charset=utf-8" },
  });
}
