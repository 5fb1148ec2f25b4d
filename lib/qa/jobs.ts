import "server-only";
import type { Job, PgBoss } from "pg-boss";
import type { Tx } from "@/lib/db";
import { QUEUES, type JobData } from "@/lib/jobs/queues";
import { sendJob } from "@/lib/jobs/send";
import { deliverDisagreementMail } from "@/lib/qa/disagreement-mail";

/**
 * Queues one email per active lead about a QA disagreement with an approval, inside the review's transaction:
 * the emails exist only if the review commits. Neither the reviewer (who knows) nor the decider (whose work
 * is disputed, and who is not the one to judge it) is told this way.
 */
export async function enqueueDisagreementMails(
  tx: Tx,
  sampleId: string,
  excluded: { reviewerId: string; decidedById: string },
): Promise<number> {
  const leads = await tx.staffUser.findMany({
    where: { role: "LEAD", active: true, id: { notIn: [excluded.reviewerId, excluded.decidedById] } },
    select: { id: true },
  });
  for (const lead of leads) {
    await sendJob(QUEUES.qaDisagreementMail, { sampleId, leadId: lead.id }, { tx });
  }
  return leads.length;
}

export async function handleDisagreementMailJobs(
  jobs: Job<JobData["qa.disagreement_mail"]>[],
): Promise<void> {
  for (const job of jobs) {
    const outcome = await deliverDisagreementMail(job.data.sampleId, job.data.leadId);
    // Throwing hands the job back to pg-boss, which retries it with backoff.
    if (outcome.status === "failed") throw new Error(`The mail server refused the email: ${outcome.reason}`);
  }
}

export async function registerQaWorkers(boss: PgBoss): Promise<void> {
  await boss.work<JobData["qa.disagreement_mail"]>(
    QUEUES.qaDisagreementMail,
    { batchSize: 1, localConcurrency: 2 },
    handleDisagreementMailJobs,
  );
}
