import "server-only";
import type { AuditDetails } from "@/lib/audit/actions";
import type { AuditEntry } from "@/lib/audit/types";
import { lockExhausted } from "@/lib/auth/login-outcomes";
import { ipCounter, releaseAttempt, reserveAttempt, type Counter } from "@/lib/auth/throttle";
import type { Tx } from "@/lib/db";
import { messageKey } from "@/lib/i18n/keys";

export type CodePurpose = AuditDetails<"auth.2fa_code_failed">["purpose"];
export type CodeAttempt<T> =
  { outcome: "ok"; value: T; audit: AuditEntry[] } | { outcome: "wrong" | "locked"; audit: AuditEntry[] };

/**
 * A code checked by a signed-in person (turning two-factor sign-in on or off) spends the same attempts as
 * sign-in, on the same counters: the account's and the address's. Otherwise a stolen session could guess
 * the 6 digits at leisure. Runs inside the action's transaction, so the count and its audit commit together.
 */
export async function attemptCode<T>(
  tx: Tx,
  who: { userId: string; ip: string | null; purpose: CodePurpose },
  check: () => Promise<T | null>,
): Promise<CodeAttempt<T>> {
  const self = { targetType: "staff_user", targetId: who.userId } as const;
  const failed = (reason: AuditDetails<"auth.2fa_code_failed">["reason"]): AuditEntry => ({
    action: "auth.2fa_code_failed",
    ...self,
    details: { purpose: who.purpose, reason },
  });
  const counters: Counter[] = [ipCounter(who.ip), { kind: "account", userId: who.userId }];
  const reserved: Counter[] = [];
  for (const counter of counters) {
    if (!(await reserveAttempt(tx, counter))) {
      // The attempts already taken count as failures, as at sign-in.
      return { outcome: "locked", audit: [failed("locked"), ...(await lockExhausted(tx, reserved))] };
    }
    reserved.push(counter);
  }
  const value = await check();
  if (value === null) {
    return { outcome: "wrong", audit: [failed("wrong_code"), ...(await lockExhausted(tx, counters))] };
  }
  for (const counter of counters) await releaseAttempt(tx, counter);
  return { outcome: "ok", value, audit: [] };
}

export const LOCKED_MESSAGE = messageKey("auth.twoFactor.actions.locked");
