import "server-only";
import { getEnv } from "@/lib/env";
import { errorSummary, getLogger } from "@/lib/log";
import { verifySignature } from "@/lib/markid";
import { parseJsonBody, type BodyRead } from "@/lib/webhooks/read-body";
import { storeWebhookEvent } from "@/lib/webhooks/store-event";

export type IntakeReply = { status: number; body: Record<string, unknown> };

export const INTAKE_HEADERS = { "Cache-Control": "no-store" } as const;

/**
 * MarkID's webhook, whichever server received it: verify the signature over the bytes read (capped), store the
 * raw event once, answer at once. The job workers apply it later, so MarkID gets its 200 within its 10 s even when
 * applying the result is slow.
 *
 * A correctly signed body that is not JSON gets 400 and is not stored: MarkID only sends JSON, so it cannot be
 * one of its events, and a 4xx tells whoever misconfigured the sender. Bad input never gets a 5xx; only an
 * outage of our database does (503), which is when MarkID's retry is wanted.
 */
export async function acceptWebhook(body: BodyRead, signature: string | null): Promise<IntakeReply> {
  const log = getLogger("webhooks");
  if (!body.ok) {
    log.warn({ status: body.status }, "webhook body refused");
    return { status: body.status, body: { error: body.error } };
  }
  if (!verifySignature(body.bytes, signature, getEnv().MARKID_WEBHOOK_SIGNING_KEY)) {
    log.warn({ bytes: body.bytes.length, hasSignature: signature !== null }, "webhook signature invalid");
    return { status: 401, body: { error: "Invalid or missing signature." } };
  }
  const json = parseJsonBody(body.bytes);
  if (!json.ok) {
    log.warn({ bytes: body.bytes.length }, "signed webhook is not UTF-8 JSON");
    return { status: 400, body: { error: "The body must be UTF-8 JSON." } };
  }
  try {
    const stored = await storeWebhookEvent({ bytes: body.bytes, text: json.text, json: json.value });
    log.info(
      {
        eventId: stored.eventId,
        kind: stored.kind,
        scanRef: stored.scanRef,
        duplicate: !stored.inserted,
        unknownScanRef: stored.unknownScanRef,
      },
      "webhook received",
    );
    return { status: 200, body: { received: true } };
  } catch (error) {
    log.error({ err: errorSummary(error) }, "webhook could not be stored");
    return { status: 503, body: { error: "Temporarily unavailable; please retry." } };
  }
}
