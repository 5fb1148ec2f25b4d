import "server-only";
import type { PgBoss } from "pg-boss";
import { recordAndTellBreaches } from "@/lib/desk/breaches";
import { runAssignmentSweep } from "@/lib/desk/sweep";
import { QUEUES } from "@/lib/jobs/queues";
import { getLogger } from "@/lib/log";

// Assignment catches what no event triggers (a session that ran out, a case created while nobody was
// available); breaches are checked as often, so an overdue case is known within a few minutes.
const ASSIGN_CRON = "*/2 * * * *";
const BREACH_CRON = "*/5 * * * *";

export async function registerDeskWorkers(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.deskAssignment, async () => {
    const assigned = await runAssignmentSweep();
    if (assigned.length) getLogger("desk").info({ count: assigned.length }, "cases assigned");
  });
  await boss.schedule(QUEUES.deskAssignment, ASSIGN_CRON);
  await boss.work(QUEUES.deskBreaches, async () => {
    const breaches = await recordAndTellBreaches();
    if (breaches.length) getLogger("desk").info({ count: breaches.length }, "stage targets breached");
  });
  await boss.schedule(QUEUES.deskBreaches, BREACH_CRON);
}
