import "server-only";
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from "node:crypto";
import { getEnv } from "@/lib/env";
import { processWide } from "@/lib/singleton";

// One key per purpose, all derived from NEXTAUTH_SECRET: a value sealed for one use can never be
// replayed as another (a login challenge as a TOTP secret, say), and there is no second secret to manage.
export type KeyPurpose =
  | "totp-secret"
  | "login-challenge"
  | "recovery-code"
  | "throttle-key"
  // MarkID's secrets at rest: a client's auth token, the link target that carries it, a webhook's raw body.
  | "markid-token"
  | "client-link"
  | "webhook-body"
  // The signing secret of a bank's webhook endpoint (lib/outbound-webhooks).
  | "outbound-webhook";

const SALT = "markid-back-office/v1";
const VERSION = "v1";
// KeyObjects, not raw bytes: each cipher then skips importing the key, which the webhook intake feels.
const keys = () => processWide("derived-keys", () => new Map<string, KeyObject>());

// `secret` is given only where the environment is not this process's own (the dev stack seeding its database).
function key(purpose: KeyPurpose, secret = getEnv().NEXTAUTH_SECRET): KeyObject {
  const id = `${purpose}\u0000${secret}`;
  let derived = keys().get(id);
  if (!derived) {
    derived = createSecretKey(Buffer.from(hkdfSync("sha256", secret, SALT, purpose, 32)));
    keys().set(id, derived);
  }
  return derived;
}

/** AES-256-GCM. `context` (e.g. the user id) is authenticated, so a sealed value only opens where it was made. */
export function seal(purpose: KeyPurpose, plaintext: string, context: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose, secret), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** Whether a stored value is in sealed form (plaintext MarkID tokens, URLs and JSON bodies never are). */
export const isSealed = (value: string): boolean => value.startsWith(`${VERSION}.`);

/** The plaintext, or null when the value was tampered with, sealed for another context, or is not ours. */
export function unseal(purpose: KeyPurpose, sealed: string, context: string, secret?: string): string | null {
  const [version, payload] = sealed.split(".");
  if (version !== VERSION || !payload) return null;
  const raw = Buffer.from(payload, "base64url");
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(purpose, secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** HMAC-SHA-256: a stolen table of these cannot be brute-forced without the server's secret. */
export function keyedHash(purpose: KeyPurpose, value: string): string {
  return createHmac("sha256", key(purpose)).update(value).digest("hex");
}

/** For 256-bit random tokens, where a plain hash is already out of brute-force reach. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
