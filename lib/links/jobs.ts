import "server-only";
import type { Job, PgBoss } from "pg-boss";
import type { Tx } from "@/lib/db";
import { QUEUES, type JobData } from "@/lib/jobs/queues";
import { sendJob } from "@/lib/jobs/send";
import { deliverLinkEmail } from "@/lib/links/deliver";

// The sender tries at once; this job, queued in the same transaction as the link, is the safety net: it
// retries a refused email with backoff, and sends one whose first attempt never ran (a crash in between).
const FIRST_RETRY_AFTER_SECONDS = 60;

export function enqueueLinkEmail(tx: Tx, linkId: string): Promise<string | null> {
  return sendJob(QUEUES.linkEmail, { linkId }, { tx, id: linkId, startAfter: FIRST_RETRY_AFTER_SECONDS });
}

export async function handleLinkEmailJobs(jobs: Job<JobData["links.email"]>[]): Promise<void> {
  for (const job of jobs) {
    const outcome = await deliverLinkEmail(job.data.linkId, null);
    // Throwing hands the job back to pg-boss, which retries it with backoff.
    if (outcome.status === "failed") throw new Error(`The mail server refused the email: ${outcome.reason}`);
  }
}

export async function registerLinkWorkers(boss: PgBoss): Promise<void> {
  await boss.work<JobData["links.email"]>(
    QUEUES.linkEmail,
    { batchSize: 1, localConcurrency: 2 },
    handleLinkEmailJobs,
  );
}
