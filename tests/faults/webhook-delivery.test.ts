// MarkID's webhooks as they arrive over the network, repeated and out of order: the sandbox sends them to a
// the app's own HTTP server (its webhook fast path), and the real job workers apply them.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { startAppServer, type RunningAppServer } from "../support/app-server";
import { archiveState, startFaultSandbox } from "./support";

let sandbox: Sandbox;
let receiver: RunningAppServer;
let app: {
  db: ReturnType<typeof import("@/lib/db").getDb>;
  markid: ReturnType<typeof import("@/lib/markid").markIdClient>;
  stopWorkers: typeof import("@/lib/jobs/workers").stopWorkers;
  openWebhookBody: typeof import("@/lib/auth/markid-secrets").openWebhookBody;
};

/** The app's own server, whose fast path is the only webhook handler there is. */
async function startReceiver(): Promise<string> {
  receiver = await startAppServer();
  return `${receiver.base}/api/webhooks/markid`;
}

beforeAll(async () => {
  // The receiver's port must be known before the sandbox starts, and the app must read the env after it.
  process.env.MARKID_API_URL = "http://127.0.0.1:1";
  const url = await startReceiver();
  sandbox = await startFaultSandbox(url);
  const [{ getDb }, { markIdClient }, { startWorkers, stopWorkers }, { openWebhookBody }] = await Promise.all(
    [
      import("@/lib/db"),
      import("@/lib/markid"),
      import("@/lib/jobs/workers"),
      import("@/lib/auth/markid-secrets"),
    ],
  );
  app = { db: getDb(), markid: markIdClient(), stopWorkers, openWebhookBody };
  await startWorkers();
});
afterAll(async () => {
  await app?.stopWorkers(1_000);
  await sandbox?.close();
  await receiver?.close();
});

async function verificationInCall(clientId: string) {
  const token = await app.markid.createToken({ clientId, tokenType: "VIDEO_CALL_PHOTOS" });
  if (!token.ok) throw new Error(token.error.message);
  const v = await app.db.verification.create({
    data: {
      scanRef: token.value.scanRef,
      clientId,
      tokenType: "VIDEO_CALL_PHOTOS",
      status: "CALL_IN_PROGRESS",
    },
  });
  const call = await app.markid.createVideoCall({ scanRef: v.scanRef, photos: true });
  if (!call.ok) throw new Error(call.error.message);
  await app.db.videoCall.create({ data: { verificationId: v.id, photos: true, callUrl: call.value.url } });
  return v;
}

const events = (scanRef: string) =>
  app.db.webhookEvent.findMany({ where: { scanRef }, orderBy: { receivedAt: "asc" } });

async function allProcessed(scanRef: string, expected: number) {
  await vi.waitFor(
    async () => {
      const rows = await events(scanRef);
      expect(rows).toHaveLength(expected);
      expect(rows.every((e) => e.processedAt !== null && e.processError === null)).toBe(true);
    },
    { timeout: 30_000, interval: 100 },
  );
}

describe("webhooks repeated and out of order, end to end", () => {
  it("a final result sent twice and an automatic one arriving after it leave MarkID's final word", async () => {
    const v = await verificationInCall("order-1");
    sandbox.controls.dropWebhooks(1);
    const held = sandbox.controls.fireWebhook(v.scanRef); // automatic (final: false), held back
    sandbox.controls.duplicateWebhooks(1);
    sandbox.controls.setResult(v.scanRef, "APPROVED"); // final: true, delivered twice
    sandbox.controls.replayWebhook(held.id); // the automatic one finally arrives, after the final one
    await sandbox.controls.webhooksIdle();
    expect(
      sandbox.controls
        .deliveries()
        .filter((d) => d.scanRef === v.scanRef)
        .map((d) => d.outcome),
    ).toEqual(["dropped", "delivered", "delivered", "delivered"]);

    await allProcessed(v.scanRef, 2);
    const stored = await events(v.scanRef);
    const final = stored.find((e) => JSON.parse(app.openWebhookBody(e)!).final === true)!;
    const row = await app.db.verification.findUniqueOrThrow({ where: { id: v.id } });
    // MarkID's APPROVED waits for a person; the late automatic result changed nothing after it.
    expect(row).toMatchObject({
      status: "REVIEWING",
      markidStatus: "APPROVED",
      markidFinalAt: final.receivedAt,
    });
    const trail = await app.db.auditEvent.findMany({
      where: { targetId: v.id, action: "webhook.identification_result" },
    });
    expect(new Set(trail.map((a) => (a.details as { webhookEventId: string }).webhookEventId))).toEqual(
      new Set(stored.map((e) => e.id)),
    );
  });

  it("a call's webhooks delivered twice and replayed archive its recordings exactly once", async () => {
    const v = await verificationInCall("order-2");
    sandbox.controls.duplicateWebhooks(2);
    sandbox.controls.completeCall(v.scanRef, { success: true }); // video-call finished, then the result
    await sandbox.controls.webhooksIdle();
    for (const d of sandbox.controls.deliveries().filter((x) => x.scanRef === v.scanRef && !x.duplicateOf)) {
      sandbox.controls.replayWebhook(d.id);
    }
    await sandbox.controls.webhooksIdle();
    const sent = sandbox.controls.deliveries().filter((d) => d.scanRef === v.scanRef);
    expect(sent).toHaveLength(6);
    expect(sent.every((d) => d.outcome === "delivered")).toBe(true);

    await allProcessed(v.scanRef, 2);
    await vi.waitFor(async () => expect((await archiveState(v.id)).assets).toHaveLength(4), {
      timeout: 30_000,
      interval: 200,
    });
    const state = await archiveState(v.id);
    expect(state.audits).toHaveLength(4);
    const calls = await app.db.videoCall.findMany({ where: { verificationId: v.id } });
    expect(calls.map((c) => c.outcome)).toEqual(["SUCCEEDED"]);
    expect(
      await app.db.auditEvent.count({ where: { targetId: v.id, action: "webhook.video_call_finished" } }),
    ).toBe(1);
  });
});
