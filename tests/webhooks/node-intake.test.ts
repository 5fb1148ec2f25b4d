// The production server answers MarkID's webhooks on Node's own HTTP server, before Next: the same answers as
// the route handler, over a real socket, including the cases a Web Request hides (chunked lies, keep-alive).
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { isWebhookRequest, receiveMarkIdWebhookNode, WEBHOOK_PATH } from "@/lib/webhooks/node-intake";
import { MAX_WEBHOOK_BYTES } from "@/lib/webhooks/read-body";
import { VECTOR_BODY, VECTOR_SIGNATURE, countEvents, countJobs, relayAll, sign, storedBody } from "./helpers";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (isWebhookRequest(req)) return void receiveMarkIdWebhookNode(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function post(body: Buffer | string, headers: Record<string, string> = {}) {
  const init = typeof body === "string" ? body : new Uint8Array(body);
  return fetch(`${base}${WEBHOOK_PATH}`, { method: "POST", body: init, headers });
}

/** A chunked upload that declares no length: only counting while reading can stop it. */
function chunked(totalBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${WEBHOOK_PATH}`, {
      method: "POST",
      headers: { "Idenfy-Signature": "0" },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    for (let sent = 0; sent < totalBytes; sent += chunk.length) req.write(chunk);
    req.end();
  });
}

describe("webhook intake on the production server's Node path", () => {
  it("stores the shared test vector once, with its job, and answers with the security headers", async () => {
    const response = await post(VECTOR_BODY, { "Idenfy-Signature": VECTOR_SIGNATURE });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const event = await getDb().webhookEvent.findFirstOrThrow({ where: { scanRef: "scan-ref" } });
    expect(Buffer.from(storedBody(event), "utf8").equals(VECTOR_BODY)).toBe(true);
    expect(event.bodySealed).not.toContain("scan-ref");
    await relayAll();
    expect(await countJobs(QUEUES.webhookProcess, event.id)).toBe(1);

    const again = await post(VECTOR_BODY, { "Idenfy-Signature": VECTOR_SIGNATURE });
    expect(again.status).toBe(200);
    expect(await getDb().webhookEvent.count({ where: { scanRef: "scan-ref" } })).toBe(1);
  });

  it("refuses a bad signature (401), unsigned JSON garbage (400) and an oversized body (413), storing none", async () => {
    const before = await countEvents();
    expect((await post(VECTOR_BODY, { "Idenfy-Signature": sign("other") })).status).toBe(401);
    expect((await post(VECTOR_BODY)).status).toBe(401);
    expect((await post("not json", { "Idenfy-Signature": sign("not json") })).status).toBe(400);
    const big = Buffer.alloc(MAX_WEBHOOK_BYTES + 1, 0x20);
    expect((await post(big, { "Idenfy-Signature": sign(big) })).status).toBe(413);
    expect(await chunked(MAX_WEBHOOK_BYTES * 4)).toBe(413);
    expect(await countEvents()).toBe(before);
  });

  it("takes only POSTs to the webhook path; everything else is Next's", () => {
    const req = (method: string, url: string) => ({ method, url }) as Parameters<typeof isWebhookRequest>[0];
    expect(isWebhookRequest(req("POST", WEBHOOK_PATH))).toBe(true);
    expect(isWebhookRequest(req("POST", `${WEBHOOK_PATH}?x=1`))).toBe(true);
    expect(isWebhookRequest(req("GET", WEBHOOK_PATH))).toBe(false);
    expect(isWebhookRequest(req("POST", `${WEBHOOK_PATH}x`))).toBe(false);
    expect(isWebhookRequest(req("POST", "/api/media/1"))).toBe(false);
  });
});
