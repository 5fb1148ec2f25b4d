import "server-only";
import { z } from "zod";
import { accessEnded, expireAccess } from "@/lib/auth/access-expiry";
import { keyedHash } from "@/lib/auth/keys";
import { issueChallenge, openChallenge } from "@/lib/auth/login-challenge";
import { getDummyHash, verifyPassword } from "@/lib/auth/password";
import { fail, succeed } from "@/lib/auth/login-outcomes";
import { consumeSecondFactor } from "@/lib/auth/second-factor";
import { ACCOUNT_LIMIT, ipCounter, releaseAttempt, reserveAttempt, type Counter } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import type { LoginContext, LoginResult } from "@/lib/auth/login-types";

const passwordStep = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(1024),
});
const codeStep = z.object({ challenge: z.string().min(1).max(1024), code: z.string().min(1).max(64) });

export type { LoginContext, LoginResult } from "@/lib/auth/login-types";

const FAILED = { status: "failed" } as const;
const USER_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  passwordHash: true,
  sessionVersion: true,
  totpEnabledAt: true,
  totpSecret: true,
  accessExpiresAt: true,
} as const;

// An email with no account locks exactly like one with an account, so a lock reveals nothing either.
const accountCounter = (user: { id: string } | null, email: string): Counter =>
  user
    ? { kind: "account", userId: user.id }
    : { kind: "key", key: `email:${keyedHash("throttle-key", email)}`, limit: ACCOUNT_LIMIT };

type PasswordPolicy = { localLogin: boolean; breakGlass: string[] };

/** With LOCAL_LOGIN=off only a break-glass address may use a password, and only as an administrator. */
function passwordAllowed(account: { email: string; role?: Role }, policy: PasswordPolicy): boolean {
  if (policy.localLogin) return true;
  return policy.breakGlass.includes(account.email.toLowerCase()) && (account.role ?? "ADMIN") === "ADMIN";
}

/**
 * Step one. Unknown email, wrong password, deactivated account, lock and (with password login off) an
 * address that is not break-glass all give the same answer.
 */
export async function authenticatePassword(
  input: { email: string; password: string },
  ctx: LoginContext,
  policy: PasswordPolicy = getEnv().SIGN_IN,
): Promise<LoginResult> {
  const parsed = passwordStep.safeParse(input);
  if (!parsed.success) return FAILED;
  const { email, password } = parsed.data;
  const db = getDb();
  const ip = ipCounter(ctx.ip);
  if (!(await reserveAttempt(db, ip))) return fail({ email, reason: "ip_throttled" }, [], ctx);
  // Before any lookup or hashing: staff sign in through the IdP, and a password tried here is refused outright.
  if (!passwordAllowed({ email }, policy)) return fail({ email, reason: "local_login_off" }, [ip], ctx);
  const user = await db.staffUser.findUnique({ where: { email }, select: USER_FIELDS });
  const account = accountCounter(user, email);
  // The lock is checked before any hashing: a locked account costs an attacker nothing to ask about.
  if (!(await reserveAttempt(db, account))) return fail({ user, email, reason: "locked" }, [ip], ctx);
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  // An auditor past their expiry is deactivated here if nothing did it yet, and answered like any inactive one.
  const ended = user?.active && accessEnded(user.accessExpiresAt);
  if (ended) await expireAccess(db, "sign_in", user.id);
  const refused = user && !passwordAllowed(user, policy);
  if (!user || !ok || !user.active || ended || !user.passwordHash || refused) {
    const usable = user?.active && !ended && user.passwordHash;
    const reason = !user ? "unknown_email" : !ok ? "wrong_password" : usable ? "local_login_off" : "inactive";
    return fail({ user, email, reason }, [ip, account], ctx);
  }
  await releaseAttempt(db, ip);
  if (!user.totpEnabledAt) return succeed(user, "password", ctx);
  await releaseAttempt(db, account);
  return { status: "code-required", challenge: issueChallenge(user.id, user.sessionVersion) };
}

/** Step two: the sealed challenge from step one and a TOTP or recovery code. Each code works once. */
export async function authenticateCode(
  input: { challenge: string; code: string },
  ctx: LoginContext,
  policy: PasswordPolicy = getEnv().SIGN_IN,
): Promise<LoginResult> {
  const parsed = codeStep.safeParse(input);
  if (!parsed.success) return { status: "code-rejected" };
  const db = getDb();
  const ip = ipCounter(ctx.ip);
  if (!(await reserveAttempt(db, ip))) return fail({ reason: "ip_throttled" }, [], ctx);
  const challenge = openChallenge(parsed.data.challenge);
  if (!challenge) return { status: "challenge-expired" };
  const account: Counter = { kind: "account", userId: challenge.userId };
  const user = await db.staffUser.findUnique({ where: { id: challenge.userId }, select: USER_FIELDS });
  if (!user) return { status: "challenge-expired" };
  if (!(await reserveAttempt(db, account))) return fail({ user, reason: "locked" }, [ip], ctx);
  const stale =
    !user.active || user.sessionVersion !== challenge.sessionVersion || !passwordAllowed(user, policy);
  if (stale || !user.totpEnabledAt || accessEnded(user.accessExpiresAt)) {
    await fail({ user, reason: "stale_challenge" }, [ip, account], ctx);
    return { status: "challenge-expired" };
  }
  const method = await db.$transaction((tx) => consumeSecondFactor(tx, user, parsed.data.code));
  if (!method) {
    await fail({ user, reason: "wrong_code" }, [ip, account], ctx);
    return { status: "code-rejected" };
  }
  await releaseAttempt(db, ip);
  return succeed(user, method, ctx);
}
