import "server-only";
import type { Job, PgBoss } from "pg-boss";
import { getDb } from "@/lib/db";
import { QUEUES, type JobData } from "@/lib/jobs/queues";
import { enqueueRecordingsFetch } from "@/lib/recordings/enqueue";
import { getLogger } from "@/lib/log";
import { archiveRecordings } from "@/lib/recordings/archive";
import { OPEN_STATUSES } from "@/lib/verifications/status";

// A call with no webhook after this long is looked after by the reconciliation job.
const RECONCILE_AFTER_MS = 10 * 60 * 1000;
const RECONCILE_CRON = "*/5 * * * *";

export async function handleRecordingsFetch(jobs: Job<JobData["recordings.fetch"]>[]): Promise<void> {
  for (const job of jobs) {
    const outcome = await archiveRecordings(job.data.verificationId);
    // Throwing hands the job back to pg-boss, which retries with backoff until the set is complete.
    if (!outcome.complete)
      throw new Error(outcome.error ?? `Recordings incomplete: ${outcome.missing.join(", ")}`);
  }
}

/** Queues a fetch for open verifications whose calls started long ago and still lack recordings. */
export async function reconcileRecordings(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - RECONCILE_AFTER_MS);
  const stale = await getDb().verification.findMany({
    where: {
      status: { in: [...OPEN_STATUSES] },
      videoCalls: { some: { outcome: { in: ["PENDING", "SUCCEEDED"] }, createdAt: { lt: before } } },
      mediaAssets: { none: { kind: "VIDEO" } },
      // A purged case has no files on purpose.
      purge: { is: null },
    },
    select: { id: true },
    take: 500,
  });
  for (const v of stale) await enqueueRecordingsFetch(v.id);
  if (stale.length) getLogger("recordings").info({ count: stale.length }, "reconciliation queued fetches");
  return stale.length;
}

export async function registerRecordingWorkers(boss: PgBoss): Promise<void> {
  await boss.work<JobData["recordings.fetch"]>(
    QUEUES.recordingsFetch,
    { batchSize: 1, localConcurrency: 2 },
    handleRecordingsFetch,
  );
  await boss.work(QUEUES.recordingsReconcile, async () => {
    await reconcileRecordings();
  });
  await boss.schedule(QUEUES.recordingsReconcile, RECONCILE_CRON);
}
