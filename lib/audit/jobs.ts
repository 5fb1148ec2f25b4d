import "server-only";
import type { PgBoss } from "pg-boss";
import { writeCheckpoint, type CheckpointOutcome } from "@/lib/audit/checkpoint";
import { appCheckpointDeps } from "@/lib/audit/checkpoint-deps";
import { QUEUES } from "@/lib/jobs/queues";
import { getLogger } from "@/lib/log";

// What is appended after the newest checkpoint can be cut unseen: the interval bounds that window.
const CHECKPOINT_CRON = "*/15 * * * *";

/** One scheduled checkpoint. A refusal means tampering: it is logged as an error and fails the job. */
export async function runCheckpointJob(): Promise<CheckpointOutcome> {
  const outcome = await writeCheckpoint(appCheckpointDeps());
  const log = getLogger("audit");
  if (outcome.kind === "refused") {
    log.error({ problem: outcome.problem.kind, reason: outcome.problem.message }, "audit checkpoint refused");
    throw new Error(outcome.problem.message);
  }
  if (outcome.kind === "written") {
    const { id, headId } = outcome.checkpoint;
    log.info({ checkpointId: id.toString(), headId: headId.toString() }, "audit checkpoint written");
  }
  return outcome;
}

export async function registerAuditWorkers(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.auditCheckpoint, async () => {
    await runCheckpointJob();
  });
  await boss.schedule(QUEUES.auditCheckpoint, CHECKPOINT_CRON);
  // One soon after each start too, so a new installation does not wait for the quarter hour.
  await boss.send(QUEUES.auditCheckpoint, {});
}
