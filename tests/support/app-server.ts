// The app's own Node server (lib/server/app-server.ts) on a free port, with its fast paths exactly as npm start
// and npm run dev run them; what would go to Next answers 404 here, unless the test hands a stand-in for Next
// (tests/api/support.ts runs proxy.ts and the route handlers of app/api/v1 there).
import type { Server } from "node:http";
import type { NodeHandler } from "@/lib/server/app-server";
import type { AddressInfo } from "node:net";

export type RunningAppServer = { base: string; server: Server; close: () => Promise<void> };

/** Import it after the test has set the environment: the server's modules read it. */
export async function startAppServer(next?: NodeHandler): Promise<RunningAppServer> {
  const { createAppServer } = await import("@/lib/server/app-server");
  const notFound: NodeHandler = async (_req, res) => {
    res.writeHead(404, { "content-type": "text/plain" }).end("Next is not running in this test.");
  };
  const server = createAppServer(next ?? notFound);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { base, server, close };
}
