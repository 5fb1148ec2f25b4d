import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { processWebhookBatch } from "@/lib/webhooks/batch";
import { deliver, vectorPayload } from "./helpers";

describe("duplicate deliveries", () => {
  it(
    "1,000 concurrent deliveries of one signed body store one event, applied once",
    { timeout: 0 },
    async () => {
      const body = JSON.stringify({ ...vectorPayload(), scanRef: "storm" });
      const responses = await Promise.all(Array.from({ length: 1_000 }, () => deliver(body)));
      expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200]));

      const events = await getDb().webhookEvent.findMany({ where: { scanRef: "storm" } });
      expect(events).toHaveLength(1);
      while ((await processWebhookBatch()).claimed > 0);
      const audits = await getDb().auditEvent.findMany({ where: { action: { startsWith: "webhook." } } });
      expect(audits.map((a) => [a.action, a.targetId])).toEqual([["webhook.unmatched", events[0]!.id]]);
    },
  );
});
