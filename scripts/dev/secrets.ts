import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR } from "./database";

export type DevSecrets = {
  NEXTAUTH_SECRET: string;
  MARKID_API_KEY: string;
  MARKID_API_SECRET: string;
  MARKID_WEBHOOK_SIGNING_KEY: string;
  passwords: Record<string, string>;
};

const FILE = path.join(DATA_DIR, "dev-secrets.json");

// Random per machine, kept under .data/ so sessions and demo logins survive a restart.
export async function devSecrets(roles: readonly string[]): Promise<DevSecrets> {
  if (existsSync(FILE)) return JSON.parse(await readFile(FILE, "utf8")) as DevSecrets;
  const token = (n: number) => randomBytes(n).toString("base64url");
  const secrets: DevSecrets = {
    NEXTAUTH_SECRET: token(32),
    MARKID_API_KEY: `dev-key-${token(9)}`,
    MARKID_API_SECRET: token(24),
    // 32 random bytes: the production rule, though development does not enforce it.
    MARKID_WEBHOOK_SIGNING_KEY: token(32),
    passwords: Object.fromEntries(roles.map((role) => [role, `${role.toLowerCase()}-${token(9)}`])),
  };
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
