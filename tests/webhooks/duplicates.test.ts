import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { countJobs, deliver, relayAll, vectorPayload } from "./helpers";

describe("duplicate deliveries", () => {
  it(
    "1,000 concurrent deliveries of one signed body store one event and start one job",
    { timeout: 0 },
    async () => {
      const body = JSON.stringify({ ...vectorPayload(), scanRef: "storm" });
      const responses = await Promise.all(Array.from({ length: 1_000 }, () => deliver(body)));
      expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200]));

      const events = await getDb().webhookEvent.findMany({ where: { scanRef: "storm" } });
      expect(events).toHaveLength(1);
      await relayAll();
      expect(await countJobs(QUEUES.webhookProcess)).toBe(1);
      expect(await countJobs(QUEUES.webhookProcess, events[0]!.id)).toBe(1);
    },
  );
});
