// The worker killed (SIGKILL) mid-delivery, with the request sent and no answer yet: nothing is lost. The
// delivery stays pending with no attempt recorded, its pg-boss job is still there, and the next attempt
// delivers the same body under the same webhook-id, so the receiver can tell the repeat.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startReceiver } from "./receiver";

let child: ChildProcess | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver(["hang", { status: 200 }]);
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await receiver.close();
});

describe("a delivery worker killed mid-request", () => {
  it("leaves the delivery pending, and the next attempt delivers it once more under the same id", async () => {
    const db = (await import("@/lib/db")).getDb();
    const { sealEndpointSecret } = await import("@/lib/outbound-webhooks/secret");
    const { emitOutboundEvent } = await import("@/lib/outbound-webhooks/emit");
    const id = crypto.randomUUID();
    await db.webhookEndpoint.create({
      data: {
        id,
        url: receiver.url,
        events: ["verification.purged"],
        allowPrivate: true,
        secretSealed: sealEndpointSecret(id, `whsec_${Buffer.alloc(32, 7).toString("base64")}`),
      },
    });
    const verificationId = crypto.randomUUID();
    await db.$transaction((tx) =>
      emitOutboundEvent(tx, "verification.purged", { verificationId, purgedAt: new Date().toISOString() }),
    );
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { verificationId } });

    const root = path.resolve(import.meta.dirname, "../..");
    child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--conditions=react-server",
        path.join(import.meta.dirname, "deliver-child.ts"),
        delivery.id,
      ],
      { cwd: root, env: process.env, stdio: ["ignore", "ignore", "inherit"] },
    );
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 60_000, interval: 50 });
    await new Promise<void>((resolve) => {
      child!.once("exit", () => resolve());
      child!.kill("SIGKILL");
    });

    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "PENDING",
      attempts: 0,
    });
    const [job] = await db.$queryRaw<Array<{ state: string }>>`
      SELECT state::text FROM pgboss.job WHERE name = 'outbound.deliver' AND data->>'deliveryId' = ${delivery.id}`;
    expect(job?.state).toBe("created");

    const { attemptDelivery } = await import("@/lib/outbound-webhooks/deliver");
    expect(await attemptDelivery(delivery.id)).toBe("delivered");
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(receiver.received[0]!.headers["webhook-id"]);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
  });
});
