// Outbound webhooks against a real receiving server: Standard Webhooks signatures checked by an independent
// verifier, retries until a receiver that fails twice answers, the 24-hour window, redirects not followed,
// private addresses refused, and "send again".
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setSessionCookie } from "../support/next-headers-mock";
import { form, sessionCookieFor, staffMember } from "../support/case-fixtures";
import { startReceiver, verifyStandardWebhook } from "./receiver";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let db: ReturnType<typeof import("@/lib/db").getDb>;
let actions: typeof import("@/lib/outbound-webhooks/actions");
let attemptDelivery: typeof import("@/lib/outbound-webhooks/deliver").attemptDelivery;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

beforeAll(async () => {
  db = (await import("@/lib/db")).getDb();
  actions = await import("@/lib/outbound-webhooks/actions");
  attemptDelivery = (await import("@/lib/outbound-webhooks/deliver")).attemptDelivery;
  await setSessionCookie(await sessionCookieFor(await staffMember("ADMIN")));
});

async function receiverEndpoint(...answers: Parameters<typeof startReceiver>[0] & object) {
  const receiver = await startReceiver(answers);
  closers.push(receiver.close);
  // One endpoint at a time: each test's events go to its own receiver only.
  await db.webhookEndpoint.updateMany({ data: { active: false } });
  const state = await actions.createWebhookEndpoint(
    {},
    form({
      url: receiver.url,
      "event:decision.confirmed": "on",
      allowPrivate: "on",
      description: "core banking",
    }),
  );
  expect(state).toMatchObject({ ok: true });
  const endpoint = await db.webhookEndpoint.findFirstOrThrow({ where: { url: receiver.url } });
  return { receiver, endpoint, secret: String(state.data?.secret) };
}

async function emitConfirmed(verificationId = crypto.randomUUID()) {
  const { emitOutboundEvent } = await import("@/lib/outbound-webhooks/emit");
  const data = {
    verificationId,
    scanRef: "scan-1",
    clientId: "C-1",
    externalRef: null,
    status: "APPROVED",
    decision: { id: crypto.randomUUID(), outcome: "APPROVE", state: "FINAL", reason: "Documents match" },
  };
  await db.$transaction((tx) => emitOutboundEvent(tx, "decision.confirmed", data));
  return db.webhookDelivery.findFirstOrThrow({ where: { verificationId } });
}

describe("outbound webhooks", () => {
  it("signs each attempt as Standard Webhooks say, under one webhook-id, and retries until delivered", async () => {
    const { receiver, endpoint, secret } = await receiverEndpoint(
      { status: 500 },
      { status: 503 },
      { status: 200 },
    );
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint.secretSealed).not.toContain(secret.slice(6));
    const delivery = await emitConfirmed();

    expect(await attemptDelivery(delivery.id)).toBe("retry");
    expect(await attemptDelivery(delivery.id)).toBe("retry");
    expect(await attemptDelivery(delivery.id)).toBe("delivered");
    expect(await attemptDelivery(delivery.id)).toBe("done");

    expect(receiver.received).toHaveLength(3);
    for (const r of receiver.received) {
      expect(await verifyStandardWebhook(secret, r.headers, r.body)).toBe(true);
      expect(r.headers["webhook-id"]).toBe(receiver.received[0]!.headers["webhook-id"]);
      expect(r.body).toBe(delivery.body);
      // A signature made with another secret does not pass the verifier: the check above is not vacuous.
      expect(
        await verifyStandardWebhook(`whsec_${Buffer.alloc(32).toString("base64")}`, r.headers, r.body),
      ).toBe(false);
    }
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
      type: "decision.confirmed",
      data: { clientId: "C-1" },
    });
    const done = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(done).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatus: 200, lastError: null });
  });

  it("fails a delivery whose 24 hours have passed, and sends it again on request", async () => {
    const { receiver } = await receiverEndpoint({ status: 500 });
    const delivery = await emitConfirmed();
    expect(await attemptDelivery(delivery.id)).toBe("retry");
    const dayLater = new Date(delivery.windowStart.getTime() + 24 * 3_600_000);
    expect(await attemptDelivery(delivery.id, dayLater)).toBe("failed");
    expect(receiver.received).toHaveLength(1);
    const failed = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(failed).toMatchObject({ status: "FAILED", lastStatus: 500 });

    expect(await actions.resendWebhookDelivery(delivery.id, {}, form({}))).toMatchObject({ ok: true });
    expect(await attemptDelivery(delivery.id)).toBe("delivered");
    expect(receiver.received).toHaveLength(2);
    expect(await db.auditEvent.count({ where: { action: "outbound.delivery_resent" } })).toBe(1);
  });

  it("does not follow a redirect", async () => {
    const target = await startReceiver();
    closers.push(target.close);
    const { receiver } = await receiverEndpoint({ status: 307, headers: { location: target.url } });
    const delivery = await emitConfirmed();
    expect(await attemptDelivery(delivery.id)).toBe("retry");
    expect(receiver.received).toHaveLength(1);
    expect(target.received).toHaveLength(0);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row.lastError).toMatch(/redirects are not followed/);
  });

  it("refuses private addresses unless the host was allowed", async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    for (const url of [receiver.url, `http://localhost:${receiver.port}/hooks`]) {
      await db.webhookEndpoint.updateMany({ data: { active: false } });
      await db.webhookEndpoint.create({
        data: { url, events: ["decision.confirmed"], secretSealed: "none", allowPrivate: false },
      });
      const { sealEndpointSecret } = await import("@/lib/outbound-webhooks/secret");
      const endpoint = await db.webhookEndpoint.findFirstOrThrow({ where: { url, active: true } });
      await db.webhookEndpoint.update({
        where: { id: endpoint.id },
        data: { secretSealed: sealEndpointSecret(endpoint.id, "whsec_AAAA") },
      });
      const delivery = await emitConfirmed();
      expect(await attemptDelivery(delivery.id)).toBe("retry");
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      expect(row.lastError, url).toMatch(/private address/);
    }
    expect(receiver.received).toHaveLength(0);
  });

  it("refuses plain http and an endpoint with no events, with the values echoed", async () => {
    const noHttps = await actions.createWebhookEndpoint(
      {},
      form({ url: "http://bank.example/hooks", "event:call.finished": "on" }),
    );
    expect(noHttps).toMatchObject({ ok: false, fieldErrors: { url: [expect.any(String)] } });
    const noEvents = await actions.createWebhookEndpoint({}, form({ url: "https://bank.example/hooks" }));
    expect(noEvents).toMatchObject({
      ok: false,
      fieldErrors: { events: [expect.any(String)] },
      values: { url: "https://bank.example/hooks" },
    });
  });

  it("writes nothing when the change's transaction rolls back", async () => {
    await receiverEndpoint();
    const { emitOutboundEvent } = await import("@/lib/outbound-webhooks/emit");
    const verificationId = crypto.randomUUID();
    await expect(
      db.$transaction(async (tx) => {
        await emitOutboundEvent(tx, "decision.confirmed", {
          verificationId,
          scanRef: "s",
          clientId: "c",
          externalRef: null,
          status: "APPROVED",
          decision: { id: "d", outcome: "APPROVE", state: "FINAL", reason: "r" },
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.webhookDelivery.count({ where: { verificationId } })).toBe(0);
  });
});
