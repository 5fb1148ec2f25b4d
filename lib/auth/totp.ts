import "server-only";
import { Secret, TOTP } from "otpauth";
import { seal, unseal } from "@/lib/auth/keys";
import type { Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";

const PERIOD = 30;

function totp(secretBase32: string, label = "staff"): TOTP {
  return new TOTP({
    issuer: getEnv().ORG_NAME,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. Only ever shown during enrolment. */
export function totpUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

// Sealed with the user's id as context: a secret copied onto another row does not open.
export const sealTotpSecret = (userId: string, secretBase32: string, sessionSecret?: string) =>
  seal("totp-secret", secretBase32, userId, sessionSecret);
export const openTotpSecret = (userId: string, sealed: string, sessionSecret?: string) =>
  unseal("totp-secret", sealed, userId, sessionSecret);

/** The time step the code belongs to (one step of clock drift either way), or null when it is wrong. */
export function matchTotp(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const otp = totp(secretBase32);
  const delta = otp.validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : otp.counter({ timestamp: now }) + delta;
}

/** Records the step as used; false when it, or a later one, already was. Atomic, so a code works once. */
export async function claimTotpStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const changed = await tx.$executeRaw`UPDATE staff_users SET "lastTotpStep" = ${BigInt(step)}
    WHERE id = ${userId}::uuid AND ("lastTotpStep" IS NULL OR "lastTotpStep" < ${BigInt(step)})`;
  return changed === 1;
}
