import "server-only";
import { getEnv } from "@/lib/env";
import { errorSummary, getLogger } from "@/lib/log";
import { readSignatureHeader, verifySignature } from "@/lib/markid";
import { MAX_WEBHOOK_BYTES, parseJsonBody, readBodyCapped } from "./read-body";
import { storeWebhookEvent } from "./store-event";

function reply(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * MarkID's webhook: read the bytes (capped), verify the signature, store the raw event once, answer at once.
 * Processing happens in a job, so MarkID gets its 200 within its 10 s even when applying the result is slow.
 *
 * A correctly signed body that is not JSON gets 400 and is not stored: MarkID only sends JSON, so it cannot be
 * one of its events, and a 4xx tells whoever misconfigured the sender. Bad input never gets a 5xx; only an
 * outage of our database does (503), which is when MarkID's retry is wanted.
 */
export async function receiveMarkIdWebhook(request: Request): Promise<Response> {
  const log = getLogger("webhooks");
  const env = getEnv();
  const body = await readBodyCapped(request, MAX_WEBHOOK_BYTES);
  if (!body.ok) {
    log.warn({ status: body.status }, "webhook body refused");
    return reply(body.status, { error: body.error });
  }

  const signature = readSignatureHeader(request.headers, env.MARKID_SIGNATURE_HEADER);
  if (!verifySignature(body.bytes, signature, env.MARKID_WEBHOOK_SIGNING_KEY)) {
    log.warn({ bytes: body.bytes.length, hasSignature: signature !== null }, "webhook signature invalid");
    return reply(401, { error: "Invalid or missing signature." });
  }

  const json = parseJsonBody(body.bytes);
  if (!json.ok) {
    log.warn({ bytes: body.bytes.length }, "signed webhook is not UTF-8 JSON");
    return reply(400, { error: "The body must be UTF-8 JSON." });
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
    return reply(200, { received: true });
  } catch (error) {
    log.error({ err: errorSummary(error) }, "webhook could not be stored");
    return reply(503, { error: "Temporarily unavailable; please retry." });
  }
}
