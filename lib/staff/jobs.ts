import "server-only";
import type { PgBoss } from "pg-boss";
import { expireAccess } from "@/lib/auth/access-expiry";
import { getDb } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { getLogger } from "@/lib/log";

// Expiries fall at 00:00 UTC (lib/staff/auditor-access.ts): the job runs just after. The session check and
// the sign-in refuse an expired account on their own in the meantime, so the job only tidies up.
const EXPIRY_CRON = "5 0 * * *";

/** Deactivates every auditor account whose access has ended; each is audited once, however often this runs. */
export async function runAccessExpiryJob(now = new Date()): Promise<string[]> {
  const expired = await expireAccess(getDb(), "job", undefined, now);
  if (expired.length) getLogger("staff").info({ userIds: expired }, "auditor access expired");
  return expired;
}

export async function registerStaffWorkers(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.staffAccessExpiry, async () => {
    await runAccessExpiryJob();
  });
  await boss.schedule(QUEUES.staffAccessExpiry, EXPIRY_CRON);
  await boss.send(QUEUES.staffAccessExpiry, {});
}
