// Used by every webhook test: MarkID's published test vector, signing, and counting what was stored.
import { createHmac, randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { POST } from "@/app/api/webhooks/markid/route";
import { openWebhookBody } from "@/lib/auth/markid-secrets";
import { getDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { relayWebhookEvents } from "@/lib/webhooks/relay";
import { readVector, VECTOR_DIGEST, VECTOR_KEY } from "@/tests/fixtures/markid/vector";

// The key the published test vector was signed with; set before anything reads the environment.
const SIGNING_KEY = VECTOR_KEY;
process.env.MARKID_WEBHOOK_SIGNING_KEY = SIGNING_KEY;

export const VECTOR_SIGNATURE = VECTOR_DIGEST;
export const VECTOR_BODY = readVector();

const URL_ = "http://localhost:3000/api/webhooks/markid";

afterAll(async () => {
  await stopBoss(1_000);
});

export function sign(body: Buffer | string, key = SIGNING_KEY): string {
  return createHmac("sha256", key).update(body).digest("hex");
}

export function webhookRequest(body: Buffer | string, headers: Record<string, string> = {}): Request {
  const init = typeof body === "string" ? body : new Uint8Array(body);
  return new Request(URL_, {
    method: "POST",
    body: init,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** Sends body signed with the test key, the way MarkID does. */
export function deliver(body: Buffer | string): Promise<Response> {
  return POST(webhookRequest(body, { "Idenfy-Signature": sign(body) }));
}

/** Runs the relay until every stored event has its processing job, as the workers' loop would. */
/** A stored event's body as MarkID sent it, opened as processing opens it. */
export function storedBody(event: { bodySha256: string; bodySealed: string }): string {
  const body = openWebhookBody(event);
  if (body === null) throw new Error("the stored body does not open");
  return body;
}

export async function relayAll(): Promise<void> {
  while ((await relayWebhookEvents()) > 0);
}

export function countEvents(): Promise<number> {
  return getDb().webhookEvent.count();
}

export async function countJobs(queue: string, eventId?: string): Promise<number> {
  const rows = eventId
    ? await getDb().$queryRaw<Array<{ n: bigint }>>`
        SELECT count(*) AS n FROM pgboss.job WHERE name = ${queue} AND id = ${eventId}::uuid`
    : await getDb().$queryRaw<
        Array<{ n: bigint }>
      >`SELECT count(*) AS n FROM pgboss.job WHERE name = ${queue}`;
  return Number(rows[0]?.n ?? 0);
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
