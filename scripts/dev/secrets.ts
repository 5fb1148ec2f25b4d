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
  AUDIT_CHECKPOINT_KEY: string;
  passwords: Record<string, string>;
};

const FILE = path.join(DATA_DIR, "dev-secrets.json");
const token = (n: number) => randomBytes(n).toString("base64url");

function fresh(roles: readonly string[]): DevSecrets {
  return {
    NEXTAUTH_SECRET: token(32),
    MARKID_API_KEY: `dev-key-${token(9)}`,
    MARKID_API_SECRET: token(24),
    MARKID_WEBHOOK_SIGNING_KEY: token(24),
    AUDIT_CHECKPOINT_KEY: token(32),
    passwords: Object.fromEntries(roles.map((role) => [role, `${role.toLowerCase()}-${token(9)}`])),
  };
}

// Random per machine, kept under .data/ so sessions and demo logins survive a restart. A file written before
// a secret existed gets just that one added, so what it already holds (passwords, sessions) stays valid.
export async function devSecrets(roles: readonly string[]): Promise<DevSecrets> {
  const kept = existsSync(FILE) ? (JSON.parse(await readFile(FILE, "utf8")) as Partial<DevSecrets>) : {};
  const generated = fresh(roles);
  const secrets: DevSecrets = { ...generated, ...kept };
  if (Object.keys(generated).every((key) => key in kept)) return secrets;
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
