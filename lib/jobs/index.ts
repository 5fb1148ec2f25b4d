import "server-only";

export { BOSS_SCHEMA, getBoss, stopBoss } from "./boss";
export { QUEUES, QUEUE_OPTIONS, type JobData, type QueueName } from "./queues";
export { enqueueRecordingsFetch, sendJob, type SendJobOptions } from "./send";
