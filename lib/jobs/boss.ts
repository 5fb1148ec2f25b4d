import "server-only";
import { PgBoss } from "pg-boss";
import { getEnv } from "@/lib/env";
import { errorSummary, getLogger } from "@/lib/log";
import { QUEUE_OPTIONS, type QueueName } from "@/lib/jobs/queues";
import { forgetProcessWide, processWide } from "@/lib/singleton";

export const BOSS_SCHEMA = "pgboss";

const KEY = "pg-boss";

async function startBoss(): Promise<PgBoss> {
  const log = getLogger("jobs");
  const boss = new PgBoss({
    connectionString: getEnv().DATABASE_URL,
    schema: BOSS_SCHEMA,
    application_name: "markid-back-office-jobs",
    max: 5,
  });
  // Without a listener an emitted error would crash the process; pg-boss retries on its own.
  boss.on("error", (error) => log.error({ err: errorSummary(error) }, "pg-boss error"));
  await boss.start();
  for (const [name, options] of Object.entries(QUEUE_OPTIONS)) {
    await boss.createQueue(name as QueueName, options);
  }
  return boss;
}

/** The process's pg-boss, started (schema installed, queues created) on first use. */
export function getBoss(): Promise<PgBoss> {
  return processWide(KEY, startBoss);
}

/** Stops workers (letting running jobs finish up to timeoutMs) and closes the pool. */
export async function stopBoss(timeoutMs = 20_000): Promise<void> {
  const current = forgetProcessWide<Promise<PgBoss>>(KEY);
  if (!current) return;
  const boss = await current.catch(() => null);
  await boss?.stop({ graceful: true, close: true, timeout: timeoutMs });
}
