import "server-only";
import { PgBoss } from "pg-boss";
import { getEnv } from "@/lib/env";
import { errorSummary, getLogger } from "@/lib/log";
import { QUEUE_OPTIONS, type QueueName } from "./queues";

export const BOSS_SCHEMA = "pgboss";

// One instance per process; kept on globalThis because dev hot-reload re-evaluates modules.
const globalForBoss = globalThis as unknown as { mboBoss?: Promise<PgBoss> };

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
  if (globalForBoss.mboBoss) return globalForBoss.mboBoss;
  const starting = startBoss();
  globalForBoss.mboBoss = starting;
  // A failed start (database down) must not stick: the next caller tries again.
  starting.catch(() => {
    if (globalForBoss.mboBoss === starting) globalForBoss.mboBoss = undefined;
  });
  return starting;
}

/** Stops workers (letting running jobs finish up to timeoutMs) and closes the pool. */
export async function stopBoss(timeoutMs = 20_000): Promise<void> {
  const current = globalForBoss.mboBoss;
  if (!current) return;
  globalForBoss.mboBoss = undefined;
  const boss = await current.catch(() => null);
  await boss?.stop({ graceful: true, close: true, timeout: timeoutMs });
}
