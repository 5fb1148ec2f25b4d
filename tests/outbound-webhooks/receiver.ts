// A bank's receiving endpoint, for the outbound webhook tests: records every request, answers as told.
import http from "node:http";
import type { AddressInfo } from "node:net";

type Received = { headers: http.IncomingHttpHeaders; body: string };
export type Answer = { status: number; headers?: Record<string, string>; body?: string } | "hang";

export async function startReceiver(answers: Answer[] = []) {
  const received: Received[] = [];
  const queue = [...answers];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const answer = queue.shift() ?? { status: 204 };
      if (answer === "hang") return;
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    answer: (a: Answer) => queue.push(a),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Standard Webhooks verification written from the specification, apart from the app's signer: the secret's
 * bytes are the base64 after "whsec_", the signed content is `${id}.${timestamp}.${body}`, and the header
 * holds space-separated "v1,<base64 HMAC-SHA256>" entries, any one of which may match.
 */
export async function verifyStandardWebhook(secret: string, headers: http.IncomingHttpHeaders, body: string) {
  const { createHmac, timingSafeEqual } = await import("node:crypto");
  const id = String(headers["webhook-id"]);
  const timestamp = String(headers["webhook-timestamp"]);
  const key = Buffer.from(secret.split("_")[1]!, "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  const tolerance = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 5 * 60;
  const match = String(headers["webhook-signature"])
    .split(" ")
    .map((s) => s.split(","))
    .some(
      ([v, sig]) => v === "v1" && sig !== undefined && timingSafeEqual(Buffer.from(sig, "base64"), expected),
    );
  return match && tolerance;
}
