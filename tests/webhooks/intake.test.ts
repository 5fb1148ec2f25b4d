import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { isWebhookRequest, WEBHOOK_PATH } from "@/lib/webhooks/node-intake";
import { MAX_WEBHOOK_BYTES } from "@/lib/webhooks/read-body";
import {
  VECTOR_BODY,
  VECTOR_SIGNATURE,
  countEvents,
  createVerification,
  deliver,
  sign,
  storedBody,
  post,
  rawPost,
  vectorPayload,
} from "./helpers";

describe("MarkID webhook intake", () => {
  it("accepts the shared test vector, signed by MarkID with TestingKey", async () => {
    expect(sign(VECTOR_BODY)).toBe(VECTOR_SIGNATURE);
    const response = await post(VECTOR_BODY, { "Idenfy-Signature": VECTOR_SIGNATURE });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const event = await getDb().webhookEvent.findFirstOrThrow({ where: { scanRef: "scan-ref" } });
    // Stored byte for byte, so the signature can be checked again later.
    expect(Buffer.from(storedBody(event), "utf8").equals(VECTOR_BODY)).toBe(true);
    // …and sealed at rest: nothing of it is readable in the column.
    expect(event.bodySealed).not.toContain("scan-ref");
    expect(event.kind).toBe("IDENTIFICATION");
    // Nobody here created scan-ref: kept and flagged, still 200 so MarkID stops retrying.
    expect(event.unknownScanRef).toBe(true);
    expect(event.verificationId).toBeNull();
    // The intake writes the row alone; the job workers' loop applies it later.
    expect([event.processedAt, event.attempts]).toEqual([null, 0]);
  });

  it("rejects the vector once parsed and re-serialised: the signature covers the exact bytes", async () => {
    const before = await countEvents();
    const reserialised = JSON.stringify(JSON.parse(VECTOR_BODY.toString("utf8")));
    const response = await post(reserialised, { "Idenfy-Signature": VECTOR_SIGNATURE });
    expect(response.status).toBe(401);
    expect(await countEvents()).toBe(before);
  });

  it("rejects a missing, malformed or wrong-key signature with 401 and stores nothing", async () => {
    const body = JSON.stringify({ ...vectorPayload(), scanRef: "unsigned-1" });
    const before = await countEvents();
    const attempts: Array<Record<string, string>> = [
      {},
      { "Idenfy-Signature": "" },
      { "Idenfy-Signature": "not-hex" },
      { "Idenfy-Signature": sign(body, "another-key") },
      { "Idenfy-Signature": sign(body).slice(0, 63) },
    ];
    for (const headers of attempts) {
      expect((await post(body, headers)).status).toBe(401);
    }
    expect(await countEvents()).toBe(before);
  });

  it("accepts the signature in upper-case hex and under the header name in any case", async () => {
    const body = JSON.stringify({ ...vectorPayload(), scanRef: "header-case" });
    const response = await post(body, { "IDENFY-SIGNATURE": sign(body).toUpperCase() });
    expect(response.status).toBe(200);
  });

  it("answers 400 to a signed body that is not JSON, and stores nothing", async () => {
    const before = await countEvents();
    for (const body of ["not json", "{", Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), "\uFEFF{}"]) {
      expect((await deliver(body)).status).toBe(400);
    }
    expect(await countEvents()).toBe(before);
  });

  it("answers 413 past the size cap, counted while streaming, and stores nothing", async () => {
    const before = await countEvents();
    const big = Buffer.alloc(MAX_WEBHOOK_BYTES + 1, 0x20);
    expect((await deliver(big)).status).toBe(413);

    // A declared length past the cap is refused before a byte of the body is read.
    expect(await rawPost(999_999_999, 0)).toBe(413);
    // A chunked upload declares nothing: only the running count can stop it.
    expect(await rawPost(null, 16)).toBe(413);
    expect(await countEvents()).toBe(before);
  });

  it("accepts an event at exactly the size cap", async () => {
    const json = JSON.stringify({ ...vectorPayload(), scanRef: "at-cap" });
    const body = json + " ".repeat(MAX_WEBHOOK_BYTES - Buffer.byteLength(json));
    expect(Buffer.byteLength(body)).toBe(MAX_WEBHOOK_BYTES);
    expect((await deliver(body)).status).toBe(200);
  });

  it("links a known scanRef to its verification, and flags an unknown one", async () => {
    const verification = await createVerification();
    const known = JSON.stringify({ ...vectorPayload(), scanRef: verification.scanRef });
    const unknown = JSON.stringify({ ...vectorPayload(), scanRef: "nobody-knows-this" });
    expect((await deliver(known)).status).toBe(200);
    expect((await deliver(unknown)).status).toBe(200);
    const linked = await getDb().webhookEvent.findFirstOrThrow({ where: { scanRef: verification.scanRef } });
    expect(linked).toMatchObject({ verificationId: verification.id, unknownScanRef: false });
    const flagged = await getDb().webhookEvent.findFirstOrThrow({ where: { scanRef: "nobody-knows-this" } });
    expect(flagged).toMatchObject({ verificationId: null, unknownScanRef: true });
  });

  it("stores signed JSON of an unknown shape as UNKNOWN", async () => {
    expect((await deliver(JSON.stringify({ scanRef: "odd-shape", hello: 1 }))).status).toBe(200);
    expect((await deliver("[1,2,3]")).status).toBe(200);
    const odd = await getDb().webhookEvent.findFirstOrThrow({ where: { scanRef: "odd-shape" } });
    expect(odd.kind).toBe("UNKNOWN");
  });

  it("stores a second delivery of the same body once", async () => {
    const body = JSON.stringify({ ...vectorPayload(), scanRef: "twice" });
    expect((await deliver(body)).status).toBe(200);
    expect((await deliver(body)).status).toBe(200);
    expect(await getDb().webhookEvent.count({ where: { scanRef: "twice" } })).toBe(1);
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
