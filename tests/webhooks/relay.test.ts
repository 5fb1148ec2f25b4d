// The outbox relay: every stored event gets exactly one processing job, whoever stored it and however many
// relays run at once, including events stored by a process that died before queueing anything.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { relayWebhookEvents } from "@/lib/webhooks/relay";
import { countJobs } from "./helpers";

async function storeRaw(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  await getDb().webhookEvent.createMany({
    data: ids.map((id) => ({ id, bodySha256: randomUUID(), bodySealed: "{}", kind: "UNKNOWN" as const })),
  });
  return ids;
}

describe("webhook relay", () => {
  it("queues stored events in batches, oldest first, marks them, and never twice", async () => {
    const ids = await storeRaw(5);
    expect(await relayWebhookEvents(2)).toBe(2);
    expect(await relayWebhookEvents(2)).toBe(2);
    expect(await relayWebhookEvents(2)).toBe(1);
    expect(await relayWebhookEvents(2)).toBe(0);
    for (const id of ids) expect(await countJobs(QUEUES.webhookProcess, id)).toBe(1);
    const events = await getDb().webhookEvent.findMany({ where: { id: { in: ids } } });
    expect(events.every((e) => e.enqueuedAt !== null)).toBe(true);
  });

  it("gives each event one job when several relays run at once", async () => {
    const ids = await storeRaw(300);
    const before = await countJobs(QUEUES.webhookProcess);
    const counts = await Promise.all(Array.from({ length: 4 }, () => relayWebhookEvents(100)));
    let relayed = counts.reduce((a, b) => a + b, 0);
    for (let n = await relayWebhookEvents(); n > 0; n = await relayWebhookEvents()) relayed += n;
    expect(relayed).toBe(300);
    expect((await countJobs(QUEUES.webhookProcess)) - before).toBe(300);
    for (const id of ids.slice(0, 20)) expect(await countJobs(QUEUES.webhookProcess, id)).toBe(1);
  });
});
