import "server-only";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { errorSummary, getLogger } from "@/lib/log";
import { mediaRequestId, serveMediaNode } from "@/lib/media/node-serve";
import { answerHealth, answerReadiness, healthRequest } from "@/lib/server/health";
import { stampClientIp } from "@/lib/request-meta";
import { isWebhookRequest, receiveMarkIdWebhook } from "@/lib/webhooks/node-intake";

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The URLs answered here, before Next, in every mode (npm run dev, the e2e server, npm start):
 * - POST /api/webhooks/markid: MarkID's bursts, signature-checked and stored in one statement;
 * - GET /api/media/<id>: a player's many Range requests, each one DAL-checked;
 * - GET /healthz and /readyz: a load balancer's probes (lib/server/health.ts), answered without a session.
 * Through Next they cost a proxy run, routing and Web streams per request (intake was twenty times slower).
 * Neither has a route handler: this is their only implementation. They set the same security headers as
 * proxy.ts (lib/security-headers.ts) and check the session against the database as every route does.
 */
function fastPath(req: IncomingMessage, res: ServerResponse): Promise<void> | null {
  if (isWebhookRequest(req)) return receiveMarkIdWebhook(req, res);
  const health = healthRequest(req);
  if (health === "healthz") return answerHealth(req, res);
  if (health === "readyz") return answerReadiness(req, res);
  const mediaId = mediaRequestId(req);
  return mediaId ? serveMediaNode(req, res, mediaId) : null;
}

/** Node's HTTP server with the fast paths in front of `rest` (Next's request handler). */
export function createAppServer(rest: NodeHandler): Server {
  return createServer((req, res) => {
    // Next never tells a route the socket's peer: the address is worked out here, once, for everything after.
    stampClientIp(req);
    (fastPath(req, res) ?? rest(req, res)).catch((error: unknown) => failed(req, res, error));
  });
}

function failed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  getLogger("http").error({ err: errorSummary(error), path: req.url }, "request failed");
  if (res.headersSent) return void res.destroy();
  res.writeHead(500, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ error: "Internal error." }));
}
