import "server-only";
import { consumeRecoveryCode, looksLikeRecoveryCode } from "@/lib/auth/recovery-codes";
import { claimTotpStep, matchTotp, openTotpSecret } from "@/lib/auth/totp";
import type { Tx } from "@/lib/db";

export type SecondFactorMethod = "totp" | "recovery_code";

/** Checks a code from the "Authentication code" field and uses it up. Call inside the login transaction. */
export async function consumeSecondFactor(
  tx: Tx,
  user: { id: string; totpSecret: string | null },
  input: string,
): Promise<SecondFactorMethod | null> {
  const code = input.replace(/\s/g, "");
  if (/^\d{6}$/.test(code)) {
    const secret = user.totpSecret ? openTotpSecret(user.id, user.totpSecret) : null;
    const step = secret ? matchTotp(secret, code) : null;
    if (step === null) return null;
    return (await claimTotpStep(tx, user.id, step)) ? "totp" : null;
  }
  if (looksLikeRecoveryCode(code)) {
    return (await consumeRecoveryCode(tx, user.id, code)) ? "recovery_code" : null;
  }
  return null;
}
