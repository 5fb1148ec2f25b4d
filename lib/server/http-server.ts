import "server-only";
import type { Server } from "node:http";
import next from "next";
import { stopBoss } from "@/lib/jobs/boss";
import { getLogger } from "@/lib/log";
import { markOwnServer } from "@/lib/request-meta";
import { createAppServer } from "@/lib/server/app-server";

export type HttpServerOptions = { dir: string; port: number; dev?: boolean };

/**
 * The one server, in development (`dev: true`, Next compiling on demand, with hot reload over this server's
 * upgrade requests), in the e2e run and in production: lib/server/app-server.ts answers the two fast paths,
 * Next and proxy.ts everything else (pages, actions, exports, auth).
 */
export async function startHttpServer({ dir, port, dev = false }: HttpServerOptions): Promise<Server> {
  // Requests reach Next's handler only once the server listens, after prepare().
  const server = createAppServer((req, res) => handle(req, res));
  const app = next({ dev, dir, port, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();
  markOwnServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  stopOnSignals(server, () => app.close());
  return server;
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
