import "server-only";
import { getDb } from "@/lib/db";
import { openEndpointSecret } from "@/lib/outbound-webhooks/secret";
import { RefusedAddress, safePost } from "@/lib/outbound-webhooks/safe-post";
import { messageId, signMessage } from "@/lib/outbound-webhooks/signature";

const WINDOW_MS = 24 * 3_600_000;
const TIMEOUT_MS = 10_000;

export type DeliveryOutcome = "delivered" | "retry" | "failed" | "done";

/** Raised for pg-boss to retry the job later: the attempt is already recorded on the delivery. */
export class RetryLater extends Error {}

/**
 * One attempt at one delivery, recorded on its row. A 2xx delivers; anything else (an error status, a redirect,
 * a refused address, no answer) is retried until the delivery's 24-hour window has passed, then it fails.
 */
export async function attemptDelivery(deliveryId: string, now = new Date()): Promise<DeliveryOutcome> {
  const db = getDb();
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { endpoint: true },
  });
  if (!delivery || delivery.status !== "PENDING") return "done";
  const expired = now.getTime() - delivery.windowStart.getTime() >= WINDOW_MS;
  const { endpoint } = delivery;
  const secret = openEndpointSecret(endpoint);
  if (expired || !endpoint.active || !secret) {
    const lastError = expired
      ? delivery.lastError
      : !endpoint.active
        ? "endpoint disabled"
        : "secret does not open";
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "FAILED", failedAt: now, lastError },
    });
    return "failed";
  }
  const msgId = messageId(delivery.id);
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers = {
    "content-type": "application/json",
    "user-agent": "MarkID-Back-Office-Webhooks/1",
    "webhook-id": msgId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signMessage(secret, msgId, timestamp, delivery.body),
  };
  let result: {
    status: number | null;
    latencyMs: number | null;
    snippet: string | null;
    error: string | null;
  };
  try {
    const answer = await safePost(new URL(endpoint.url), headers, delivery.body, {
      allowPrivate: endpoint.allowPrivate,
      timeoutMs: TIMEOUT_MS,
    });
    const error = answer.status >= 200 && answer.status < 300 ? null : describeStatus(answer.status);
    result = { status: answer.status, latencyMs: answer.latencyMs, snippet: answer.snippet, error };
  } catch (error) {
    const message =
      error instanceof RefusedAddress ? error.message : `no answer: ${(error as Error).message}`;
    result = { status: null, latencyMs: null, snippet: null, error: message.slice(0, 300) };
  }
  const ok = result.error === null;
  await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      attempts: { increment: 1 },
      lastAttemptAt: now,
      lastStatus: result.status,
      lastLatencyMs: result.latencyMs,
      lastResponse: result.snippet,
      lastError: result.error,
      ...(ok ? { status: "DELIVERED", deliveredAt: now } : {}),
    },
  });
  return ok ? "delivered" : "retry";
}

function describeStatus(status: number): string {
  if (status >= 300 && status < 400) return `answered ${status}: redirects are not followed`;
  return `answered ${status}`;
}
