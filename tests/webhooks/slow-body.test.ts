// A sender that trickles its body holds a connection and a buffer open for as long as it likes. The webhook
// read has its own time limit (10 s; shorter here, passed as an option): past it the answer is 408 and nothing
// is stored.
import { createHmac } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { receiveMarkIdWebhook, WEBHOOK_PATH } from "@/lib/webhooks/node-intake";

const sign = (body: string) =>
  createHmac("sha256", process.env.MARKID_WEBHOOK_SIGNING_KEY!).update(body).digest("hex");
const countEvents = () => getDb().webhookEvent.count();

const LIMITS = { timeoutMs: 200 };
const BODY = JSON.stringify({ final: true, scanRef: "slow-body", clientId: "slow", status: {} });
const HALF = BODY.length >> 1;

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => void receiveMarkIdWebhook(req, res, LIMITS));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends the headers and half the signed body, then waits for the answer; the rest comes too late. */
function trickle(): Promise<{ status: number; body: string }> {
  let answered = false;
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: "127.0.0.1",
      port,
      path: WEBHOOK_PATH,
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(BODY),
        "Idenfy-Signature": sign(BODY),
      },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        answered = true;
        resolve({ status: res.statusCode ?? 0, body: text });
        req.end(BODY.slice(HALF));
      });
    });
    // Once answered, the server closes the connection: writing the rest may then fail, which is expected.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    req.flushHeaders();
    req.write(BODY.slice(0, HALF));
  });
}

describe("a webhook body that does not arrive in time", () => {
  it("gets 408, and nothing is stored", async () => {
    const before = await countEvents();
    const answer = await trickle();
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toEqual({ error: "The body took too long to arrive." });
    expect(await countEvents()).toBe(before);
  });

  it("is stored as usual when the whole body arrives within the limit", async () => {
    const before = await countEvents();
    const response = await fetch(`http://127.0.0.1:${port}${WEBHOOK_PATH}`, {
      method: "POST",
      body: BODY,
      headers: { "Idenfy-Signature": sign(BODY) },
    });
    expect(response.status).toBe(200);
    expect(await countEvents()).toBe(before + 1);
  });
});
