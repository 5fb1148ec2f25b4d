import "server-only";
import type { PgBoss } from "pg-boss";
import { getDb } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { errorSummary, getLogger } from "@/lib/log";
import { markIdClient } from "@/lib/markid";
import { mediaStorage } from "@/lib/media/storage";
import { dueVerifications } from "@/lib/retention/due";
import { policyInForce } from "@/lib/retention/policy";
import { purgeVerification, type PurgeDeps, type PurgeOutcome } from "@/lib/retention/purge";

// Daily, at night (UTC), and once at start: a purge killed by a restart resumes within minutes.
const PURGE_CRON = "30 2 * * *";
const BATCH = 200;

export type PurgeRun = Record<PurgeOutcome | "error", number>;

/**
 * Purges what is due at `now` and not held, and resumes purges left unfinished (a run killed midway, MarkID
 * answering later). One verification failing never stops the others; it is retried on the next run.
 */
export async function runRetentionPurge(deps: PurgeDeps, now = new Date()): Promise<PurgeRun> {
  const run: PurgeRun = { purged: 0, held: 0, not_due: 0, waiting: 0, failed: 0, error: 0 };
  const policy = await policyInForce(deps.db);
  // Rounds of a batch each, so memory stays flat; a round that met an error ends the run (tomorrow's retries).
  for (let round = 0; round < 50; round++) {
    const errorsBefore = run.error;
    const unfinished = await deps.db.verificationPurge.findMany({
      where: { completedAt: null, OR: [{ markidRetryAt: null }, { markidRetryAt: { lte: now } }] },
      select: { verificationId: true },
      take: BATCH,
    });
    const due = await dueVerifications(deps.db, policy, {
      until: now,
      asOf: now,
      limit: BATCH,
      onlyUnheld: true,
    });
    const ids = [...new Set([...unfinished.map((p) => p.verificationId), ...due.map((d) => d.id)])];
    for (const id of ids) {
      try {
        run[await purgeVerification(deps, id, policy, now)]++;
      } catch (error) {
        run.error++;
        getLogger("retention").error({ verificationId: id, err: errorSummary(error) }, "purge step failed");
      }
    }
    if (due.length < BATCH || run.error > errorsBefore) break;
  }
  return run;
}

export function purgeDeps(): PurgeDeps {
  return { db: getDb(), storage: mediaStorage(), markid: markIdClient() };
}

export async function registerRetentionWorkers(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.retentionPurge, async () => {
    const run = await runRetentionPurge(purgeDeps());
    getLogger("retention").info(run, "retention purge ran");
  });
  await boss.schedule(QUEUES.retentionPurge, PURGE_CRON);
  await boss.send(QUEUES.retentionPurge, {});
}
