import "server-only";
import { randomInt } from "node:crypto";
import { keyedHash } from "@/lib/auth/keys";
import { getDb, type Tx } from "@/lib/db";

const RECOVERY_CODE_COUNT = 10;
// No 0/O or 1/I/L: codes are read off paper. 12 characters of 31: over 59 bits each.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 12;

function generateRecoveryCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/** Upper case, without dashes or spaces: people type codes in many ways. */
function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function looksLikeRecoveryCode(input: string): boolean {
  return normaliseRecoveryCode(input).length === LENGTH;
}

export function hashRecoveryCode(code: string): string {
  return keyedHash("recovery-code", normaliseRecoveryCode(code));
}

/** Replaces any earlier codes; the plain codes are returned once, to be shown once, and never stored. */
export async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })),
  });
  return codes;
}

/** Marks the code used; false when it is unknown or already used. One UPDATE, so two requests cannot share it. */
export async function consumeRecoveryCode(tx: Tx, userId: string, code: string): Promise<boolean> {
  const { count } = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

/** How many of the person's recovery codes are still unused, for their two-factor page. */
export async function unusedRecoveryCodes(userId: string): Promise<number> {
  return getDb().recoveryCode.count({ where: { userId, usedAt: null } });
}
