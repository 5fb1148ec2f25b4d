// A faithful MarkID stand-in on plain node:http. See sandbox/README.md for behaviour and choices.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { API_ROUTES } from "./api-routes";
import { createContext, type SandboxContext } from "./context";
import { handleControl } from "./control-api";
import { createControls, type SandboxControls } from "./controls";
import { errorBody, errors, errorStatus, type ApiError } from "./errors";
import { answerWithFault } from "./faults";
import { BodyTooLargeError, checkBasicAuth, readBody, send } from "./http-util";
import { finishCallForm, finishWebFlow, redirect, showCall } from "./pages";
import type { RequestRecord, SandboxOptions } from "./types";

export type { SandboxOptions } from "./types";

export type Sandbox = { url: string; port: number; close(): Promise<void>; controls: SandboxControls };

function sendApiError(ctx: SandboxContext, res: ServerResponse, error: ApiError): number {
  const status = errorStatus(error, ctx.faults.errorStatusMode);
  send(res, status, errorBody(error));
  return status;
}

async function parseJsonBody(req: IncomingMessage): Promise<Record<string, unknown> | ApiError> {
  let raw: Buffer;
  try {
    raw = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return errors.bad("body", "is too large");
    throw err;
  }
  // An empty body reads as {} (as Django REST framework does), so it ends as MISSING_VALUE, not JSON_ERROR.
  if (raw.length === 0) return {};
  try {
    const value: unknown = JSON.parse(raw.toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through to JSON_ERROR
  }
  return errors.json();
}

async function handleApi(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, path: string) {
  const record: RequestRecord = { method: req.method ?? "", path, status: null, atMs: ctx.clock.now() };
  ctx.requests.push(record);
  if (ctx.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, ctx.faults.latencyMs));
  const fault = ctx.faults.take(path);
  if (fault) return void (record.status = answerWithFault(fault, res, ctx.faults.errorStatusMode));
  const handler = API_ROUTES[path];
  if (!handler) return void (record.status = (send(res, 404, "Not Found", "text/plain"), 404));
  const { apiKey, apiSecret } = ctx.options;
  if (!checkBasicAuth(req.headers.authorization, apiKey, apiSecret)) {
    return void (record.status = sendApiError(ctx, res, errors.unauthorized()));
  }
  if (req.method !== "POST")
    return void (record.status = sendApiError(ctx, res, errors.methodNotAllowed(req.method ?? "")));
  const body = await parseJsonBody(req);
  if ("identifier" in body && "semanticStatus" in body)
    return void (record.status = sendApiError(ctx, res, body as ApiError));
  const answer = handler(ctx, body);
  if ("identifier" in answer) return void (record.status = sendApiError(ctx, res, answer));
  record.status = answer.status;
  send(res, answer.status, answer.body === null ? "" : JSON.stringify(answer.body));
}

async function route(
  ctx: SandboxContext,
  controls: SandboxControls,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  const path = url.pathname;
  if (path === "/__control" || path.startsWith("/__control/")) {
    if (!ctx.options.enableControlApi) return send(res, 404, "Not Found", "text/plain");
    return handleControl(ctx, controls, req, res, path);
  }
  if (path === "/api/v2/redirect" && req.method === "GET") return redirect(ctx, res, url.searchParams);
  if (path.startsWith("/api/")) return handleApi(ctx, req, res, path);
  const media = /^\/media\/([^/]+)$/.exec(path);
  if (media) return ctx.media.handle(req, res, decodeURIComponent(media[1]!), url.searchParams);
  const call = /^\/call\/([^/]+)(\/finish)?$/.exec(path);
  if (call && !call[2] && req.method === "GET") return showCall(ctx, res, decodeURIComponent(call[1]!));
  if (call && call[2] && req.method === "POST")
    return finishCallForm(ctx, req, res, decodeURIComponent(call[1]!));
  if (path === "/ui/finish" && req.method === "POST") return finishWebFlow(ctx, req, res);
  if (path === "/" && req.method === "GET")
    return send(res, 200, "MarkID sandbox. API under /api/v2/.\n", "text/plain");
  send(res, 404, "Not Found", "text/plain");
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  // Filled in once listening: publicUrl depends on the port, which is only known then.
  const live: { ctx?: SandboxContext; controls?: SandboxControls } = {};
  const server = createServer((req, res) => {
    res.on("error", () => undefined); // writes after the client went away are expected with faults
    route(live.ctx!, live.controls!, req, res).catch((err: unknown) => {
      console.error("[sandbox] handler failed", err);
      if (!res.headersSent) send(res, 500, errorBody(errors.internal()));
      else res.destroy();
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const ctx = createContext({
    port,
    host,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    signingKey: options.signingKey,
    webhookUrl: options.webhookUrl ?? null,
    signatureHeader: options.signatureHeader ?? "Idenfy-Signature",
    mediaTtlSeconds: options.mediaTtlSeconds ?? 3600,
    publicUrl: (options.publicUrl ?? url).replace(/\/+$/, ""),
    webhookRetries: options.webhookRetries ?? 3,
    webhookRetryDelayMs: options.webhookRetryDelayMs ?? 500,
    enableControlApi: options.enableControlApi ?? true,
  });
  const controls = createControls(ctx);
  Object.assign(live, { ctx, controls });
  return {
    url,
    port,
    controls,
    async close() {
      ctx.webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
