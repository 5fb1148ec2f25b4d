import "server-only";
import type { PgBoss } from "pg-boss";
import { MAIL_WORKER, mailJobHandler } from "@/lib/jobs/mail-jobs";
import { QUEUES, type JobData } from "@/lib/jobs/queues";
import { deliverNotificationMail } from "@/lib/notifications/mail";

export const handleNotificationMailJobs = mailJobHandler((data: JobData["notifications.mail"]) =>
  deliverNotificationMail(data.notificationId),
);

export async function registerNotificationWorkers(boss: PgBoss): Promise<void> {
  await boss.work<JobData["notifications.mail"]>(
    QUEUES.notificationMail,
    MAIL_WORKER,
    handleNotificationMailJobs,
  );
}
