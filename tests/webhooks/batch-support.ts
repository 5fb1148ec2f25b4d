// Stored webhook events without HTTP (the intake has its own tests): storeWebhookEvent as the intake calls it.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { processWebhookBatch } from "@/lib/webhooks/batch";
import { storeWebhookEvent } from "@/lib/webhooks/store-event";

export async function storeIdentification(scanRef: string, final: boolean, overall: string): Promise<string> {
  const text = JSON.stringify({ scanRef, final, status: { overall }, nonce: randomUUID() });
  const stored = await storeWebhookEvent({ bytes: Buffer.from(text), text, json: JSON.parse(text) });
  if (!stored.eventId) throw new Error("not stored");
  return stored.eventId;
}

export async function storeCallFinished(scanRef: string, success: boolean): Promise<string> {
  const text = JSON.stringify({
    scanRef,
    status: success,
    date: "2026-01-01 12:00:00+00:00",
    nonce: randomUUID(),
  });
  const stored = await storeWebhookEvent({ bytes: Buffer.from(text), text, json: JSON.parse(text) });
  if (!stored.eventId) throw new Error("not stored");
  return stored.eventId;
}

export async function openVerification(): Promise<{ id: string; scanRef: string }> {
  const scanRef = `scan-${randomUUID()}`;
  return getDb().verification.create({
    data: {
      scanRef,
      clientId: `client-${randomUUID().slice(0, 8)}`,
      tokenType: "VIDEO_CALL",
      status: "ACTIVE",
    },
    select: { id: true, scanRef: true },
  });
}

/** Runs batches until none of these events is left unapplied and due, as the workers' loop would. */
export async function drain(ids: string[]): Promise<void> {
  const left = () =>
    getDb().webhookEvent.count({ where: { id: { in: ids }, processedAt: null, retryAt: null } });
  while ((await left()) > 0) await processWebhookBatch();
}

export function auditsOf(eventIds: string[]) {
  return getDb()
    .auditEvent.findMany({
      where: { action: { startsWith: "webhook." } },
      orderBy: { id: "asc" },
    })
    .then((rows) =>
      rows.filter((r) =>
        eventIds.includes(String((r.details as { webhookEventId?: string }).webhookEventId ?? r.targetId)),
      ),
    );
}
