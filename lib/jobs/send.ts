import "server-only";
import { fromPrisma, type SendOptions } from "pg-boss";
import type { Tx } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import type { JobData, QueueName } from "@/lib/jobs/queues";

export type SendJobOptions = {
  /** Send inside this Prisma transaction: the job exists only if the transaction commits. */
  tx?: Tx;
  /** A fixed job id: sending the same id again creates nothing. */
  id?: string;
  /** On a singleton-style queue, at most one waiting job per key. */
  singletonKey?: string;
  startAfter?: Date | number;
};

/** Queues a job; resolves to its id, or null when an equal job (same id or singleton key) already exists. */
export async function sendJob<Q extends QueueName>(
  queue: Q,
  data: JobData[Q],
  options: SendJobOptions = {},
): Promise<string | null> {
  const boss = await getBoss();
  const { tx, ...rest } = options;
  const sendOptions: SendOptions = { ...rest, ...(tx ? { db: fromPrisma(tx) } : {}) };
  return boss.send(queue, data, sendOptions);
}
