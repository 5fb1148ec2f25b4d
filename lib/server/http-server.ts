import "server-only";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { stopBoss } from "@/lib/jobs/boss";
import { errorSummary, getLogger } from "@/lib/log";
import { mediaRequestId, serveMediaNode } from "@/lib/media/node-serve";
import { markOwnServer, stampClientIp } from "@/lib/request-meta";
import { isWebhookRequest, receiveMarkIdWebhookNode } from "@/lib/webhooks/node-intake";

export type HttpServerOptions = { dir: string; port: number };

/**
 * The production server: Next's request handler behind Node's own HTTP server, which answers the two hot paths
 * itself: MarkID's webhooks (signature-checked) and recording ranges (DAL-checked), each with the same code as
 * its route handler. Everything else, pages, actions, exports and auth, goes through Next and proxy.ts.
 */
export async function startHttpServer({ dir, port }: HttpServerOptions): Promise<Server> {
  const app = next({ dev: false, dir, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  markOwnServer();
  const server = createServer((req, res) => {
    // Next never tells a route the socket's peer: the address is worked out here, once, for everything after.
    stampClientIp(req);
    const mediaId = mediaRequestId(req);
    const direct = isWebhookRequest(req)
      ? receiveMarkIdWebhookNode(req, res)
      : mediaId
        ? serveMediaNode(req, res, mediaId)
        : null;
    (direct ?? handle(req, res)).catch((error: unknown) => failed(req, res, error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  stopOnSignals(server, () => app.close());
  return server;
}

function failed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  getLogger("http").error({ err: errorSummary(error), path: req.url }, "request failed");
  if (res.headersSent) return void res.destroy();
  res.writeHead(500, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ error: "Internal error." }));
}

// Requests in flight get this long to finish once a stop is asked for; then their connections are closed.
const DRAIN_MS = 10_000;

function stopOnSignals(server: Server, closeApp: () => Promise<void>): void {
  let stopping = false;
  // process.on, not once: the job workers' own handler re-raises the signal when no other listener is left.
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means now.
    if (stopping) return process.exit(1);
    stopping = true;
    getLogger("http").info({ signal }, "shutting down");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const drained = Promise.race([
      closed,
      new Promise<void>((resolve) => setTimeout(resolve, DRAIN_MS).unref()),
    ]);
    void drained
      .then(() => {
        server.closeAllConnections();
        return Promise.allSettled([closeApp(), stopBoss()]);
      })
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
