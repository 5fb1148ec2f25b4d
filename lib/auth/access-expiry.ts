import "server-only";
import { deactivateWhere } from "@/lib/staff/deactivate";
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
 * Deactivates the accounts whose access has ended (all of them, or only `userId`), each audited once
 * (lib/staff/deactivate.ts), however often this runs. Returns the ids deactivated.
 */
export async function expireAccess(
  db: Pick<Db, "$transaction">,
  via: Trigger,
  userId?: string,
  now = new Date(),
): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const where = { accessExpiresAt: { lte: now }, ...(userId ? { id: userId } : {}) };
    // Ids only: the target names the account, the trail's own time says when.
    const expired = await deactivateWhere(tx, where, ({ id }) => ({
      action: "staff.access_expired",
      targetType: "staff_user",
      targetId: id,
      details: { via },
    }));
    return expired.map((u) => u.id);
  });
}
