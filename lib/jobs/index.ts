import "server-only";

export { BOSS_SCHEMA, getBoss, stopBoss } from "./boss";
export { QUEUES, QUEUE_OPTIONS, type JobData, type QueueName } from "./queues";
export { sendJob, type SendJobOptions } from "./send";
