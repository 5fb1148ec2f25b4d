import "server-only";
import type { PgBoss } from "pg-boss";
import type { Tx } from "@/lib/db";
import { MAIL_WORKER, mailJobHandler } from "@/lib/jobs/mail-jobs";
import { QUEUES, type JobData } from "@/lib/jobs/queues";
import { sendJob } from "@/lib/jobs/send";
import { deliverLinkEmail } from "@/lib/links/deliver";

// The sender tries at once; this job, queued in the same transaction as the link, is the safety net: it
// retries a refused email with backoff, and sends one whose first attempt never ran (a crash in between).
const FIRST_RETRY_AFTER_SECONDS = 60;

export function enqueueLinkEmail(tx: Tx, linkId: string): Promise<string | null> {
  return sendJob(QUEUES.linkEmail, { linkId }, { tx, id: linkId, startAfter: FIRST_RETRY_AFTER_SECONDS });
}

export const handleLinkEmailJobs = mailJobHandler((data: JobData["links.email"]) =>
  deliverLinkEmail(data.linkId, null),
);

export async function registerLinkWorkers(boss: PgBoss): Promise<void> {
  await boss.work<JobData["links.email"]>(QUEUES.linkEmail, MAIL_WORKER, handleLinkEmailJobs);
}
