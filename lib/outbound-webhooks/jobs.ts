import "server-only";
import type { PgBoss } from "pg-boss";
import { QUEUES, type JobData } from "@/lib/jobs/queues";
import { attemptDelivery, RetryLater } from "@/lib/outbound-webhooks/deliver";

export async function registerOutboundWorkers(boss: PgBoss): Promise<void> {
  await boss.work<JobData["outbound.deliver"]>(
    QUEUES.outboundDeliver,
    { localConcurrency: 4 },
    async ([job]) => {
      if (!job) return;
      const outcome = await attemptDelivery(job.data.deliveryId);
      // Thrown, so pg-boss schedules the next attempt with its backoff; the attempt is on the delivery's row.
      if (outcome === "retry") throw new RetryLater(`delivery ${job.data.deliveryId} will be retried`);
    },
  );
}
