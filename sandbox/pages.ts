// The client's side of the flow: the redirect target and the video call page. Plain HTML forms, so a person,
// Playwright or a bare HTTP POST can finish a call without JavaScript.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxContext } from "./context";
import { escapeHtml, readBody, send } from "./http-util";
import { ensureCall, finishCall, isVideoToken, refresh, setResult, startCall } from "./lifecycle";
import { overallStatus } from "./payloads";
import type { ResultOverall, Verification } from "./types";

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · MarkID sandbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#111}
.camera{background:#1f2937;color:#f9fafb;border-radius:.5rem;padding:3rem 1rem;text-align:center;margin:1rem 0}
form{display:inline-block;margin:.25rem .5rem .25rem 0}button{font:inherit;padding:.6rem 1rem;border-radius:.4rem;
border:2px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}button.secondary{background:#fff;color:#1d4ed8}
button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}</style></head>
<body><main><p>MarkID sandbox: a stand-in for development and tests. Nothing here is a real verification.</p>
<h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

const html = (res: ServerResponse, status: number, title: string, body: string) =>
  send(res, status, page(title, body), "text/html; charset=utf-8");

function button(action: string, fields: Record<string, string>, label: string, secondary = false): string {
  const cls = secondary ? ' class="secondary"' : "";
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join("");
  return `<form method="post" action="${action}">${hidden}<button type="submit"${cls}>${escapeHtml(label)}</button></form>`;
}

function callBody(v: Verification): string {
  const call = v.call!;
  if (v.phase !== "ACTIVE" && v.phase !== "IN_CALL") {
    const outcome = call.success === null ? "" : call.success ? " Outcome: success." : " Outcome: failure.";
    return `<p role="status">The call has ended.${outcome} Status: ${overallStatus(v)}. You can close this page.</p>`;
  }
  const questions = v.videoCallQuestions.length
    ? `<h2>Questions the agent asks</h2><ol>${v.videoCallQuestions.map((q) => `<li>${escapeHtml(q)}</li>`).join("")}</ol>`
    : "";
  const photos = call.photos
    ? "<p>The agent takes photos of your face and both sides of your document.</p>"
    : "";
  const action = `/call/${encodeURIComponent(call.id)}/finish`;
  return `<div class="camera" role="img" aria-label="Simulated camera view">Camera connected (simulated)</div>
${photos}${questions}<h2>End the call</h2>
${button(action, { outcome: "success" }, "Finish call — success")}
${button(action, { outcome: "failure" }, "Finish call — failure", true)}`;
}

export function showCall(ctx: SandboxContext, res: ServerResponse, callId: string): void {
  const v = ctx.store.byCall(callId);
  if (!v) return html(res, 404, "Call not found", "<p>This video call link is not valid.</p>");
  refresh(ctx, v);
  if (v.phase === "EXPIRED" || v.phase === "DELETED") {
    return html(res, 410, "Call expired", '<p role="status">This video call link has expired.</p>');
  }
  startCall(ctx, v);
  html(res, 200, "Video call", callBody(v));
}

export async function finishCallForm(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  callId: string,
) {
  const v = ctx.store.byCall(callId);
  if (!v) return html(res, 404, "Call not found", "<p>This video call link is not valid.</p>");
  const form = new URLSearchParams((await readBody(req, 16 * 1024)).toString("utf8"));
  refresh(ctx, v);
  if (v.phase === "ACTIVE" || v.phase === "IN_CALL")
    finishCall(ctx, v, { success: form.get("outcome") === "success" });
  res.writeHead(303, { Location: `/call/${encodeURIComponent(callId)}` });
  res.end();
}

/** GET /api/v2/redirect?authToken=: video tokens go to their call; others get a one-page fake flow. */
export function redirect(ctx: SandboxContext, res: ServerResponse, query: URLSearchParams): void {
  const v = ctx.store.byToken(query.get("authToken") ?? "");
  if (!v) return html(res, 404, "Session not found", "<p>This verification link is not valid.</p>");
  refresh(ctx, v);
  if (v.phase !== "ACTIVE" && v.phase !== "IN_CALL") {
    return html(
      res,
      410,
      "Session expired",
      '<p role="status">This verification session has expired or is finished.</p>',
    );
  }
  if (isVideoToken(v)) {
    const call = ensureCall(ctx, v, undefined);
    res.writeHead(302, { Location: `/call/${encodeURIComponent(call.id)}` });
    return void res.end();
  }
  const action = "/ui/finish";
  const pick = (result: ResultOverall, label: string, secondary = false) =>
    button(action, { result, authToken: v.authToken }, label, secondary);
  html(
    res,
    200,
    "Identity verification",
    `<p>Choose the result the sandbox should report.</p>${pick("APPROVED", "Finish — approved")}
${pick("SUSPECTED", "Finish — suspected", true)}${pick("DENIED", "Finish — denied", true)}`,
  );
}

export async function finishWebFlow(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse) {
  const form = new URLSearchParams((await readBody(req, 16 * 1024)).toString("utf8"));
  const v = ctx.store.byToken(form.get("authToken") ?? "");
  const result = form.get("result");
  if (!v || (result !== "APPROVED" && result !== "DENIED" && result !== "SUSPECTED")) {
    return html(res, 400, "Not accepted", "<p>The form was incomplete.</p>");
  }
  refresh(ctx, v);
  if (v.phase === "ACTIVE" || v.phase === "IN_CALL") setResult(ctx, v, result);
  html(res, 200, "Verification finished", `<p role="status">Finished. Status: ${overallStatus(v)}.</p>`);
}
