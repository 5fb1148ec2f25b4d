import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import type { WebhookKind } from "@/lib/generated/prisma/enums";
import { getBoss } from "@/lib/jobs/boss";
import { enqueueWebhookProcessing } from "@/lib/jobs/send";
import { parseWebhook } from "@/lib/markid";

export type StoredEvent = {
  /** False for a repeated delivery: the first one's row and job stand, nothing new was written. */
  inserted: boolean;
  eventId: string | null;
  kind: WebhookKind;
  scanRef: string | null;
  unknownScanRef: boolean;
};

// Generous for a burst of retried deliveries waiting on the pool, yet inside MarkID's 10 s answer window.
const TX_OPTIONS = { maxWait: 8_000, timeout: 8_000 };

/** The scanRef of a body no parser recognised, when it has one, so such events can still be found. */
function looseScanRef(json: unknown): string | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const value = (json as Record<string, unknown>).scanRef;
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function bodySha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Stores a verified webhook once (the body's hash is unique) and, only when this call inserted it, queues its
 * processing in the same transaction: a row never lacks its job, and a duplicate never gets a second one.
 */
export async function storeWebhookEvent(input: {
  bytes: Buffer;
  text: string;
  json: unknown;
}): Promise<StoredEvent> {
  const parsed = parseWebhook(input.json);
  const scanRef = parsed.kind === "UNKNOWN" ? looseScanRef(input.json) : parsed.scanRef;
  const sha = bodySha256(input.bytes);
  // Started outside the transaction so that installing pg-boss never holds a pooled connection.
  await getBoss();
  return getDb().$transaction(async (tx) => {
    const verification = scanRef
      ? await tx.verification.findUnique({ where: { scanRef }, select: { id: true } })
      : null;
    const rows = await tx.webhookEvent.createManyAndReturn({
      data: [
        {
          id: randomUUID(),
          bodySha256: sha,
          rawBody: input.text,
          kind: parsed.kind,
          scanRef,
          verificationId: verification?.id ?? null,
          unknownScanRef: scanRef !== null && !verification,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    const eventId = rows[0]?.id ?? null;
    if (eventId) await enqueueWebhookProcessing(tx, eventId);
    return {
      inserted: eventId !== null,
      eventId,
      kind: parsed.kind,
      scanRef,
      unknownScanRef: scanRef !== null && !verification,
    };
  }, TX_OPTIONS);
}
