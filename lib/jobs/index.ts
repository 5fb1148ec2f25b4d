import "server-only";

export { BOSS_SCHEMA, getBoss, stopBoss } from "@/lib/jobs/boss";
export { QUEUES, QUEUE_OPTIONS, type JobData, type QueueName } from "@/lib/jobs/queues";
export { sendJob, type SendJobOptions } from "@/lib/jobs/send";
