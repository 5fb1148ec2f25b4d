import "server-only";
import type { AuditEntryOf } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import type { SecondFactorMethod } from "@/lib/auth/second-factor";
import { lockIfExhausted, pruneThrottles, type Counter } from "@/lib/auth/throttle";
import { getDb, type Tx } from "@/lib/db";
import type { AuthenticatedUser, LoginContext, LoginResult } from "@/lib/auth/login-types";

export type LoginUser = AuthenticatedUser;

/** A sign-in that passed every check: counters cleared, last login stamped, audited. */
export async function succeed(
  user: LoginUser,
  method: "password" | SecondFactorMethod | "sso",
  ctx: LoginContext,
): Promise<LoginResult> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: user.id },
      data: { lastLoginAt: new Date(), failedLoginCount: 0, failedLoginWindow: null, lockedUntil: null },
    });
    const who = {
      actorId: user.id,
      actorEmail: user.email,
      ...ctx,
      targetType: "staff_user",
      targetId: user.id,
    } as const;
    await recordAudit(tx, { action: "auth.login", ...who, details: { method } });
    if (method !== "recovery_code") return;
    const remaining = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await recordAudit(tx, { action: "auth.recovery_code_used", ...who, details: { remaining } });
  });
  await pruneThrottles(db);
  const { id, email, name, role, sessionVersion, accessExpiresAt } = user;
  return { status: "ok", user: { id, email, name, role, sessionVersion, accessExpiresAt } };
}

export type Failure = { user?: LoginUser | null; email?: string; reason: string };

/**
 * Records the failure, locks what is used up, and audits both in one transaction. The trail names the
 * account tried by its email only when that account exists: it says whose account was attacked, and is
 * staff's own address. Text typed for an unknown account (a mistyped address, someone else's, or a password
 * typed into the wrong field) is not kept in a trail that is never purged: the reason `unknown_email`, the
 * address and the throttle counter (keyed by a hash, pruned) say what security needs.
 */
export async function fail(failure: Failure, counters: Counter[], ctx: LoginContext): Promise<LoginResult> {
  const { user, reason } = failure;
  await getDb().$transaction(async (tx) => {
    const email = user?.email ?? (failure.email ? await knownEmail(tx, failure.email) : null);
    const who = { actorId: user?.id ?? null, actorEmail: email, ...ctx };
    await recordAudit(tx, { action: "auth.login_failed", ...who, details: { reason } });
    for (const lockout of await lockExhausted(tx, counters)) await recordAudit(tx, { ...who, ...lockout });
  });
  return { status: "failed" };
}

async function knownEmail(tx: Tx, email: string): Promise<string | null> {
  const account = await tx.staffUser.findUnique({ where: { email }, select: { email: true } });
  return account?.email ?? null;
}

export type Lockout = AuditEntryOf<"auth.lockout">;

/** After a failed password or code: locks each counter that is used up, and says what to audit. */
export async function lockExhausted(tx: Tx, counters: Counter[]): Promise<Lockout[]> {
  const lockouts: Lockout[] = [];
  for (const counter of counters) {
    const until = await lockIfExhausted(tx, counter);
    if (!until) continue;
    const target =
      counter.kind === "account" ? { targetType: "staff_user" as const, targetId: counter.userId } : {};
    const scope = counter.kind === "account" ? "account" : (counter.key.split(":")[0] ?? "key");
    lockouts.push({ action: "auth.lockout", ...target, details: { scope, until } });
  }
  return lockouts;
}
