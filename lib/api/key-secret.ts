import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// An API key is `mbo_<prefix>_<secret>`: the prefix (8 hex characters) finds the row and names the key in the
// audit trail; the secret is 32 random bytes (base64url), so a plain SHA-256 of the whole key is enough to
// store: nothing about it can be guessed, and no slow hash is needed to resist a dictionary.
const FORMAT = /^mbo_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export type NewApiKey = { key: string; prefix: string; secretHash: string };

const hashApiKey = (key: string): string => createHash("sha256").update(key).digest("hex");

export function newApiKey(): NewApiKey {
  const prefix = randomBytes(4).toString("hex");
  const key = `mbo_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

/** The prefix of a presented key, or null when it is not shaped like one of ours. */
export function apiKeyPrefix(presented: string): string | null {
  return FORMAT.exec(presented)?.[1] ?? null;
}

/** Whether the presented key hashes to the stored hash, compared in constant time. */
export function apiKeyMatches(presented: string, secretHash: string): boolean {
  const stored = Buffer.from(secretHash, "hex");
  const given = Buffer.from(hashApiKey(presented), "hex");
  return stored.length === given.length && timingSafeEqual(stored, given);
}

/** How a key is named where its secret is not shown: its fixed start and prefix, "mbo_1a2b3c4d_…". */
export function keyHint(prefix: string): string {
  return `mbo_${prefix}_…`;
}
