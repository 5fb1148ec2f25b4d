import "server-only";
import type { Tx } from "@/lib/db";
import { sendJob } from "@/lib/jobs/send";
import type { OutboundData, OutboundEvent } from "@/lib/outbound-webhooks/events";

/**
 * Writes the event for every active endpoint subscribed to it, and queues each delivery, in the caller's
 * transaction (a transactional outbox): the event exists exactly when the change that caused it committed.
 */
export async function emitOutboundEvent<E extends OutboundEvent>(
  tx: Tx,
  type: E,
  data: OutboundData[E],
  now = new Date(),
): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { active: true, events: { has: type } },
    select: { id: true },
  });
  if (!endpoints.length) return 0;
  const body = JSON.stringify({ type, timestamp: now.toISOString(), data });
  const verificationId = "verificationId" in data ? data.verificationId : null;
  for (const { id: endpointId } of endpoints) {
    const delivery = await tx.webhookDelivery.create({
      data: { endpointId, eventType: type, body, verificationId },
      select: { id: true },
    });
    await sendJob("outbound.deliver", { deliveryId: delivery.id }, { tx });
  }
  return endpoints.length;
}

/** The case as every event but the purge describes it: ids, states, the client ID and the bank's reference. */
export async function caseFacts(tx: Tx, verificationId: string) {
  const v = await tx.verification.findUniqueOrThrow({
    where: { id: verificationId },
    select: { id: true, scanRef: true, clientId: true, externalRef: true, status: true },
  });
  return {
    verificationId: v.id,
    scanRef: v.scanRef,
    clientId: v.clientId,
    externalRef: v.externalRef,
    status: v.status,
  };
}
