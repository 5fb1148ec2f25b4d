import "server-only";
import { randomUUID } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { processWide } from "@/lib/singleton";

// OWASP: argon2id, m=19 MiB, t=2, p=1.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verified against when there is no usable hash, so that timing does not reveal which emails are staff.
export const getDummyHash = () => processWide("dummy-password-hash", () => hashPassword(randomUUID()));
