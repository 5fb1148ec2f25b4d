import "server-only";
import { registerAuditWorkers } from "@/lib/audit/jobs";
import { registerDeskWorkers } from "@/lib/desk/jobs";
import { registerLinkWorkers } from "@/lib/links/jobs";
import { errorSummary, getLogger } from "@/lib/log";
import { registerOutboundWorkers } from "@/lib/outbound-webhooks/jobs";
import { registerNotificationWorkers } from "@/lib/notifications/jobs";
import { registerQaWorkers } from "@/lib/qa/jobs";
import { registerRecordingWorkers } from "@/lib/recordings/jobs";
import { registerRetentionWorkers } from "@/lib/retention/purge-job";
import { registerStaffWorkers } from "@/lib/staff/jobs";
import { startWebhookProcessor, stopWebhookProcessor } from "@/lib/webhooks/processor";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { forgetProcessWide, processWide } from "@/lib/singleton";

const KEY = "job-workers";

async function registerWorkers(): Promise<void> {
  const boss = await getBoss();
  // Not a pg-boss queue: stored webhooks are applied in batches straight from their table (lib/webhooks/batch.ts).
  startWebhookProcessor();
  await registerRecordingWorkers(boss);
  await registerLinkWorkers(boss);
  await registerAuditWorkers(boss);
  await registerStaffWorkers(boss);
  await registerRetentionWorkers(boss);
  await registerQaWorkers(boss);
  await registerOutboundWorkers(boss);
  await registerNotificationWorkers(boss);
  await registerDeskWorkers(boss);
  stopOnSignals();
  getLogger("jobs").info({ queues: Object.values(QUEUES) }, "job workers started");
}

/** Starts this process's job workers once; later calls return the same promise. */
export function startWorkers(): Promise<void> {
  return processWide(KEY, registerWorkers);
}

/** For server start: never blocks it, and keeps trying while the database is unreachable. */
export function startWorkersInBackground(attempt = 0): void {
  startWorkers().catch((error) => {
    const delayMs = Math.min(60_000, 1_000 * 2 ** attempt);
    getLogger("jobs").error({ err: errorSummary(error), retryInMs: delayMs }, "job workers could not start");
    setTimeout(() => startWorkersInBackground(attempt + 1), delayMs).unref();
  });
}

/** Stops fetching jobs, waits for running ones (bounded), closes pg-boss's pool. */
export async function stopWorkers(timeoutMs?: number): Promise<void> {
  forgetProcessWide(KEY);
  await stopWebhookProcessor();
  await stopBoss(timeoutMs);
}

function stopOnSignals(): void {
  // Next's own handler exits the process once the HTTP server has closed, which may cut this short; a job cut
  // off mid-transaction rolls back and is retried after its queue's expiry, so nothing is lost either way.
  const stop = (signal: NodeJS.Signals) => {
    getLogger("jobs").info({ signal }, "stopping job workers");
    stopWorkers()
      .catch((error) => getLogger("jobs").error({ err: errorSummary(error) }, "stopping workers failed"))
      .finally(() => {
        // Listening to a signal replaces Node's default exit; when nobody else handles it, exit as Node would.
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
