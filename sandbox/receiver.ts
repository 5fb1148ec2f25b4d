// A local webhook receiver for tests and demos: records every POST exactly as received and answers with a
// scripted sequence of status codes (then 200), so retries can be observed.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

type ReceivedWebhook = { path: string; headers: IncomingHttpHeaders; body: Buffer };

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** The next answers, in order; once used up the receiver answers 200. */
  respondWith(statuses: number[]): void;
  close(): Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let script: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(script.shift() ?? 200, { "Content-Type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/markid`,
    received,
    respondWith(statuses) {
      script = [...statuses];
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
