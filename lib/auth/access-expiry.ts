import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";

// An auditor's account ends by itself at accessExpiresAt: its sessions are refused from that moment (the
// session check, and the cookie's own `until` claim), and the account is deactivated by the daily job or, when
// the person comes back first, lazily by the session check or the sign-in.

/** Whether an account's access has ended. Accounts without an expiry (every role but auditors) never end. */
export function accessEnded(expiresAt: Date | null, now = new Date()): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}

type Trigger = "job" | "session" | "sign_in";

/**
 * Deactivates the accounts whose access has ended (all of them, or only `userId`), each audited once: the
 * update takes only rows still active, so a second run, or the job and a session check at once, finds
 * nothing left to do. Returns the ids deactivated.
 */
export async function expireAccess(
  db: Pick<Db, "$transaction">,
  via: Trigger,
  userId?: string,
  now = new Date(),
): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const expired = await tx.staffUser.updateManyAndReturn({
      where: { active: true, accessExpiresAt: { lte: now }, ...(userId ? { id: userId } : {}) },
      data: { active: false, sessionVersion: { increment: 1 } },
      select: { id: true },
    });
    for (const { id } of expired) {
      // Ids only: the target names the account, the trail's own time says when.
      await recordAudit(tx, {
        action: "staff.access_expired",
        targetType: "staff_user",
        targetId: id,
        details: { via },
      });
    }
    return expired.map((u) => u.id);
  });
}
