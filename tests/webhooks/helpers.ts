// Used by every webhook test: MarkID's published test vector, signing, and counting what was stored.
import { createHmac, randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll } from "vitest";
import { openWebhookBody } from "@/lib/auth/markid-secrets";
import { getDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { readVector, VECTOR_DIGEST, VECTOR_KEY } from "@/tests/fixtures/markid/vector";
import { startAppServer, type RunningAppServer } from "../support/app-server";

// The key the published test vector was signed with; set before anything reads the environment.
const SIGNING_KEY = VECTOR_KEY;
process.env.MARKID_WEBHOOK_SIGNING_KEY = SIGNING_KEY;

export const VECTOR_SIGNATURE = VECTOR_DIGEST;
export const VECTOR_BODY = readVector();

let server: Promise<RunningAppServer> | undefined;

afterAll(async () => {
  await (await server)?.close();
  await stopBoss(1_000);
});

/** Where the app's own server (the only webhook handler there is) takes MarkID's webhooks in this test file. */
async function webhookUrl(): Promise<string> {
  server ??= startAppServer();
  return `${(await server).base}/api/webhooks/markid`;
}

export function sign(body: Buffer | string, key = SIGNING_KEY): string {
  return createHmac("sha256", key).update(body).digest("hex");
}

/** POSTs body to the webhook URL over a real socket, with these headers. */
export async function post(body: Buffer | string, headers: Record<string, string> = {}): Promise<Response> {
  const init = typeof body === "string" ? body : new Uint8Array(body);
  return fetch(await webhookUrl(), {
    method: "POST",
    body: init,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** Sends body signed with the test key, the way MarkID does. */
export function deliver(body: Buffer | string): Promise<Response> {
  return post(body, { "Idenfy-Signature": sign(body) });
}

/**
 * A POST that fetch cannot send: a Content-Length of `declared` (or none, chunked, when null) followed by
 * `chunks` copies of a 64 KiB chunk. Resolves with the status, however much of the body was still unsent.
 */
export async function rawPost(declared: number | null, chunks: number): Promise<number> {
  const url = await webhookUrl();
  const headers: Record<string, string> = { "Idenfy-Signature": sign("whatever") };
  if (declared !== null) headers["content-length"] = String(declared);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(url, { method: "POST", headers });
    req.on("response", (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // Once answered, the server closes the connection: writing the rest may then fail, which is expected.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    req.flushHeaders();
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    for (let i = 0; i < chunks; i += 1) req.write(chunk);
    if (declared === null) req.end();
  });
}

/** A stored event's body as MarkID sent it, opened as processing opens it. */
export function storedBody(event: { bodySha256: string; bodySealed: string }): string {
  const body = openWebhookBody(event);
  if (body === null) throw new Error("the stored body does not open");
  return body;
}

export function countEvents(): Promise<number> {
  return getDb().webhookEvent.count();
}

/** The test vector as an object, to build variants of a real identification payload. */
export function vectorPayload(): Record<string, unknown> & { status: Record<string, unknown> } {
  return JSON.parse(VECTOR_BODY.toString("utf8")) as Record<string, unknown> & {
    status: Record<string, unknown>;
  };
}

export async function createVerification(status: "ACTIVE" | "CALL_IN_PROGRESS" = "ACTIVE") {
  const scanRef = `scan-${randomUUID()}`;
  const verification = await getDb().verification.create({
    data: { scanRef, clientId: `client-${randomUUID().slice(0, 8)}`, tokenType: "VIDEO_CALL_PHOTOS", status },
  });
  return verification;
}
