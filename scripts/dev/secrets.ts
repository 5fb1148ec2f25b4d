import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Secret } from "otpauth";
import { DATA_DIR } from "./database";

export type DevSecrets = {
  NEXTAUTH_SECRET: string;
  MARKID_API_KEY: string;
  MARKID_API_SECRET: string;
  MARKID_WEBHOOK_SIGNING_KEY: string;
  AUDIT_CHECKPOINT_KEY: string;
  /** Per demo account key (its role, or ADMIN2). */
  passwords: Record<string, string>;
  /** Base32 TOTP keys of the demo accounts, which the embedded development database seeds as enrolled. */
  totp: Record<string, string>;
};

const DEV_SECRETS_FILE = path.join(DATA_DIR, "dev-secrets.json");

const token = (n: number) => randomBytes(n).toString("base64url");

// Random per machine, kept under .data/ so sessions and demo logins survive a restart. A file from an
// earlier version gains what it lacks (a new demo account, the TOTP keys) and keeps everything else.
export async function devSecrets(keys: readonly string[]): Promise<DevSecrets> {
  const stored = existsSync(DEV_SECRETS_FILE)
    ? (JSON.parse(await readFile(DEV_SECRETS_FILE, "utf8")) as Partial<DevSecrets>)
    : {};
  const secrets: DevSecrets = {
    NEXTAUTH_SECRET: stored.NEXTAUTH_SECRET ?? token(32),
    MARKID_API_KEY: stored.MARKID_API_KEY ?? `dev-key-${token(9)}`,
    MARKID_API_SECRET: stored.MARKID_API_SECRET ?? token(24),
    MARKID_WEBHOOK_SIGNING_KEY: stored.MARKID_WEBHOOK_SIGNING_KEY ?? token(32),
    AUDIT_CHECKPOINT_KEY: stored.AUDIT_CHECKPOINT_KEY ?? token(32),
    passwords: { ...stored.passwords },
    totp: { ...stored.totp },
  };
  for (const key of keys) {
    secrets.passwords[key] ??= `${key.toLowerCase()}-${token(9)}`;
    secrets.totp[key] ??= new Secret({ size: 20 }).base32;
  }
  if (JSON.stringify(secrets) !== JSON.stringify(stored)) {
    await mkdir(DATA_DIR, { recursive: true });
    await writeFile(DEV_SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/** The stored file only, for `npm run dev:totp`: null when `npm run dev` has never run here. */
export async function readDevSecrets(): Promise<Partial<DevSecrets> | null> {
  if (!existsSync(DEV_SECRETS_FILE)) return null;
  return JSON.parse(await readFile(DEV_SECRETS_FILE, "utf8")) as Partial<DevSecrets>;
}
