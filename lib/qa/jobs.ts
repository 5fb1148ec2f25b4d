import "server-only";
import type { PgBoss } from "pg-boss";
import type { Tx } from "@/lib/db";
import { MAIL_WORKER, mailJobHandler } from "@/lib/jobs/mail-jobs";
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

export const handleDisagreementMailJobs = mailJobHandler((data: JobData["qa.disagreement_mail"]) =>
  deliverDisagreementMail(data.sampleId, data.leadId),
);

export async function registerQaWorkers(boss: PgBoss): Promise<void> {
  await boss.work<JobData["qa.disagreement_mail"]>(
    QUEUES.qaDisagreementMail,
    MAIL_WORKER,
    handleDisagreementMailJobs,
  );
}
