import { text as streamText } from "node:stream/consumers";
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "@/lib/audit/canonical";
import type { MediaStorage } from "@/lib/media/storage";

// A checkpoint as it is signed, stored in audit_checkpoints and copied to media storage.

export type Checkpoint = { id: bigint; createdAt: Date; headId: bigint; headHash: string; signature: string };
export type UnsignedCheckpoint = Omit<Checkpoint, "signature">;

const PREFIX = "audit-checkpoints";
/** The newest checkpoint, overwritten by each new one: how storage alone names the end of the chain. */
export const LATEST_KEY = `${PREFIX}/latest.json`;
/** Every checkpoint's own copy, so that the database's newest one can be found in storage too. */
export const copyKey = (id: bigint) => `${PREFIX}/${id.toString().padStart(20, "0")}.json`;
// A checkpoint is a few hundred bytes: anything much larger in its place is not one.
const MAX_BYTES = 4096;

function signedText(c: UnsignedCheckpoint): string {
  return canonicalJson({
    v: 1,
    id: c.id.toString(),
    createdAt: c.createdAt.toISOString(),
    headId: c.headId.toString(),
    headHash: c.headHash,
  });
}

/** HMAC-SHA256 under AUDIT_CHECKPOINT_KEY, hex: the key is never in the database, so neither is a forgery. */
export function signCheckpoint(key: string, c: UnsignedCheckpoint): string {
  return createHmac("sha256", key).update(signedText(c)).digest("hex");
}

export function hasValidSignature(key: string, c: Checkpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, c), "hex");
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(c.signature) ? c.signature : "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function sameCheckpoint(a: Checkpoint, b: Checkpoint): boolean {
  return (
    a.id === b.id &&
    a.createdAt.getTime() === b.createdAt.getTime() &&
    a.headId === b.headId &&
    a.headHash === b.headHash &&
    a.signature === b.signature
  );
}

const digits = z.string().regex(/^\d{1,19}$/);
const storedShape = z.strictObject({
  id: digits,
  createdAt: z.iso.datetime(),
  headId: digits,
  headHash: z.string().max(128),
  signature: z.string().max(128),
});

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

export async function putStoredCheckpoint(storage: MediaStorage, key: string, c: Checkpoint): Promise<void> {
  const text = JSON.stringify({
    id: c.id.toString(),
    createdAt: c.createdAt.toISOString(),
    headId: c.headId.toString(),
    headHash: c.headHash,
    signature: c.signature,
  });
  await storage.put(key, once(new TextEncoder().encode(text)), "application/json");
}

/** The checkpoint stored under `key`; null when there is none; "unreadable" when something else is there. */
export async function readStoredCheckpoint(
  storage: MediaStorage,
  key: string,
): Promise<Checkpoint | null | "unreadable"> {
  const size = await storage.size(key);
  if (size === null) return null;
  if (size > MAX_BYTES) return "unreadable";
  const text = await streamText(await storage.read(key));
  let parsed;
  try {
    parsed = storedShape.safeParse(JSON.parse(text));
  } catch {
    return "unreadable";
  }
  if (!parsed.success) return "unreadable";
  const { id, createdAt, headId, headHash, signature } = parsed.data;
  return { id: BigInt(id), createdAt: new Date(createdAt), headId: BigInt(headId), headHash, signature };
}
