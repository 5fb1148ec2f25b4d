import "server-only";
import type { PgBoss } from "pg-boss";
import { expireAccess } from "@/lib/auth/access-expiry";
import { getDb } from "@/lib/db";
import { getSettings } from "@/lib/settings/settings";
import { deactivateInactive } from "@/lib/staff/inactivity";
import { QUEUES, type QueueName } from "@/lib/jobs/queues";
import { getLogger } from "@/lib/log";

// Expiries fall at 00:00 UTC (lib/staff/auditor-access.ts): the job runs just after. The session check and
// the sign-in refuse an expired account on their own in the meantime, so the job only tidies up.
const EXPIRY_CRON = "5 0 * * *";
// Inactivity is counted in whole days: once a day is enough, at a quiet hour, after the expiry job.
const INACTIVITY_CRON = "15 0 * * *";

/** Deactivates every auditor account whose access has ended; each is audited once, however often this runs. */
export async function runAccessExpiryJob(now = new Date()): Promise<string[]> {
  const expired = await expireAccess(getDb(), "job", undefined, now);
  if (expired.length) getLogger("staff").info({ userIds: expired }, "auditor access expired");
  return expired;
}

/** Deactivates every account nobody signed in to for the set days; each audited once, however often this runs. */
export async function runInactivityJob(now = new Date()): Promise<string[]> {
  const { staffInactiveDays } = await getSettings();
  const deactivated = await deactivateInactive(getDb(), staffInactiveDays, now);
  if (deactivated.length) getLogger("staff").info({ userIds: deactivated }, "inactive accounts deactivated");
  return deactivated;
}

// Each daily job also runs at every start of the workers, so a day missed while they were down is caught up.
async function daily(boss: PgBoss, queue: QueueName, cron: string, run: () => Promise<unknown>) {
  await boss.work(queue, async () => {
    await run();
  });
  await boss.schedule(queue, cron);
  await boss.send(queue, {});
}

export async function registerStaffWorkers(boss: PgBoss): Promise<void> {
  await daily(boss, QUEUES.staffAccessExpiry, EXPIRY_CRON, () => runAccessExpiryJob());
  await daily(boss, QUEUES.staffInactivity, INACTIVITY_CRON, () => runInactivityJob());
}
