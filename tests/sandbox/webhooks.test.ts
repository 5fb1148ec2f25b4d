// Webhooks from the sandbox: signed raw bodies, retries on failure, order, drops, duplicates and replays.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMarkIdClient, parseWebhook, verifySignature, type MarkIdClient } from "@/lib/markid";
import { startWebhookReceiver, type WebhookReceiver } from "@/sandbox/receiver";
import { startSandbox, type Sandbox } from "@/sandbox/server";

const KEY = "hooks-key";
const SECRET = "hooks-secret";
const SIGNING = "hooks-signing-key";
let sandbox: Sandbox;
let receiver: WebhookReceiver;
let client: MarkIdClient;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startSandbox({
    port: 0,
    apiKey: KEY,
    apiSecret: SECRET,
    signingKey: SIGNING,
    webhookUrl: receiver.url,
    webhookRetryDelayMs: 20,
  });
  client = createMarkIdClient({ baseUrl: sandbox.url, apiKey: KEY, apiSecret: SECRET, timeoutMs: 5000 });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});
beforeEach(() => {
  sandbox.controls.reset();
  receiver.received.length = 0;
  receiver.respondWith([]);
});

async function newCall(questions: string[] = []) {
  const token = await client.createToken({
    clientId: "hooks",
    tokenType: "VIDEO_CALL",
    videoCallQuestions: questions,
  });
  if (!token.ok) throw new Error(token.error.message);
  const call = await client.createVideoCall({ scanRef: token.value.scanRef });
  if (!call.ok) throw new Error(call.error.message);
  return { ...token.value, callUrl: call.value.url };
}

const signatureOf = (i: number) => receiver.received[i]!.headers["idenfy-signature"] as string;

describe("sandbox webhooks", () => {
  it("finishing the call page sends a signed video-call webhook, then the final result", async () => {
    const { scanRef, authToken, callUrl } = await newCall(["Is this your document?"]);
    const finish = await fetch(`${callUrl}/finish`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "outcome=success",
      redirect: "manual",
    });
    expect(finish.status).toBe(303);
    await sandbox.controls.webhooksIdle();
    expect(receiver.received).toHaveLength(2);
    receiver.received.forEach((_, i) => {
      expect(verifySignature(receiver.received[i]!.body, signatureOf(i), SIGNING)).toBe(true);
      expect(receiver.received[i]!.headers["content-type"]).toBe("application/json");
    });
    const [videoRaw, resultRaw] = receiver.received.map((r) => r.body.toString("utf8"));
    const video = JSON.parse(videoRaw!);
    expect(video).toEqual({
      videoCallAnswers: { "Is this your document?": { answer: "Yes", correct: true } },
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/),
      status: true,
      scanRef,
      authToken,
      clientId: "hooks",
    });
    expect(parseWebhook(video)).toMatchObject({ kind: "VIDEO_CALL_FINISHED", success: true, scanRef });
    expect(parseWebhook(JSON.parse(resultRaw!))).toMatchObject({
      kind: "IDENTIFICATION",
      final: true,
      overall: "APPROVED",
    });
    // Python-style separators: a JSON.stringify round trip changes the bytes and so breaks the signature.
    expect(verifySignature(JSON.stringify(JSON.parse(resultRaw!)), signatureOf(1), SIGNING)).toBe(false);
  });

  it("retries on 500 and stops at the first 2xx, with identical bytes each time", async () => {
    const { scanRef } = await newCall();
    receiver.respondWith([500, 500]);
    sandbox.controls.completeCall(scanRef, { success: false, result: "none" });
    await sandbox.controls.webhooksIdle();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.body.toString("hex"))).size).toBe(1);
    const [delivery] = sandbox.controls.deliveries();
    expect(delivery).toMatchObject({ kind: "VIDEO_CALL_FINISHED", outcome: "delivered" });
    expect(delivery!.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
  });

  it("gives up after 1 + 3 attempts", async () => {
    const { scanRef } = await newCall();
    receiver.respondWith([500, 502, 503, 500, 500]);
    sandbox.controls.completeCall(scanRef, { result: "none" });
    await sandbox.controls.webhooksIdle();
    expect(receiver.received).toHaveLength(4);
    expect(sandbox.controls.deliveries()[0]).toMatchObject({ outcome: "failed" });
  });

  it("drops, duplicates and replays on request", async () => {
    const first = await newCall();
    sandbox.controls.dropWebhooks(1);
    sandbox.controls.completeCall(first.scanRef, { result: "none" });
    await sandbox.controls.webhooksIdle();
    expect(receiver.received).toHaveLength(0);
    expect(sandbox.controls.deliveries()[0]).toMatchObject({ outcome: "dropped" });

    sandbox.controls.duplicateWebhooks(1);
    sandbox.controls.setResult(first.scanRef, "SUSPECTED");
    await sandbox.controls.webhooksIdle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.body.equals(receiver.received[1]!.body)).toBe(true);

    const replay = sandbox.controls.replayWebhook(sandbox.controls.deliveries()[0]!.id);
    await sandbox.controls.webhooksIdle();
    expect(replay.replayOf).toBeDefined();
    expect(JSON.parse(receiver.received[2]!.body.toString("utf8"))).toMatchObject({ status: true });
  });

  it("fires fresh webhooks of either kind on request", async () => {
    const { scanRef } = await newCall();
    expect(() => sandbox.controls.fireWebhook(scanRef, "VIDEO_CALL_FINISHED")).toThrow(/not finished/);
    sandbox.controls.completeCall(scanRef, { success: false, result: "none" });
    await sandbox.controls.webhooksIdle();
    receiver.received.length = 0;
    sandbox.controls.fireWebhook(scanRef, "VIDEO_CALL_FINISHED");
    sandbox.controls.fireWebhook(scanRef);
    await sandbox.controls.webhooksIdle();
    const events = receiver.received.map((r, i) => {
      expect(verifySignature(r.body, signatureOf(i), SIGNING)).toBe(true);
      return parseWebhook(JSON.parse(r.body.toString("utf8")));
    });
    expect(events).toMatchObject([
      { kind: "VIDEO_CALL_FINISHED", success: false },
      { kind: "IDENTIFICATION", overall: "REVIEWING", final: false },
    ]);
  });

  it("sends one EXPIRED result when an unused token runs out", async () => {
    const token = await client.createToken({ clientId: "hooks", tokenType: "VIDEO_CALL", expiryTime: 120 });
    if (!token.ok) throw new Error(token.error.message);
    sandbox.controls.advanceClock(121);
    await sandbox.controls.webhooksIdle();
    expect(receiver.received).toHaveLength(1);
    const event = parseWebhook(JSON.parse(receiver.received[0]!.body.toString("utf8")));
    expect(event).toMatchObject({ kind: "IDENTIFICATION", overall: "EXPIRED", final: true });
  });

  it("add-dummy-status sends the manual result", async () => {
    const { scanRef } = await newCall();
    const res = await fetch(`${sandbox.url}/api/v2/add-dummy-status`, {
      method: "POST",
      headers: { Authorization: `Basic ${btoa(`${KEY}:${SECRET}`)}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        scanRef,
        manualFaceMatchResult: "FACE_MISMATCH",
        manualDocumentValidity: "DOC_VALIDATED",
      }),
    });
    expect(res.status).toBe(200);
    await sandbox.controls.webhooksIdle();
    const event = parseWebhook(JSON.parse(receiver.received.at(-1)!.body.toString("utf8")));
    expect(event).toMatchObject({
      overall: "DENIED",
      manualFace: "FACE_MISMATCH",
      manualDocument: "DOC_VALIDATED",
    });
  });
});
