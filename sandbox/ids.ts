// Identifiers shaped like MarkID's: scanRef a UUID v1, authToken 40 alphanumerics, digitString 8 digits.
import { randomBytes, randomInt } from "node:crypto";

const GREGORIAN_OFFSET_MS = 12_219_292_800_000n;
let lastTicks = 0n;

/** A UUID v1 (time-based, random node id with the multicast bit set as RFC 4122 asks for random nodes). */
export function uuidV1(nowMs: number): string {
  let ticks = (BigInt(Math.floor(nowMs)) + GREGORIAN_OFFSET_MS) * 10_000n;
  if (ticks <= lastTicks) ticks = lastTicks + 1n;
  lastTicks = ticks;
  const timeLow = ticks & 0xffffffffn;
  const timeMid = (ticks >> 32n) & 0xffffn;
  const timeHi = ((ticks >> 48n) & 0x0fffn) | 0x1000n;
  const seq = (randomInt(0, 0x3fff) | 0x8000).toString(16);
  const node = randomBytes(6);
  node[0] = node[0]! | 0x01;
  const hex = (n: bigint, width: number) => n.toString(16).padStart(width, "0");
  return `${hex(timeLow, 8)}-${hex(timeMid, 4)}-${hex(timeHi, 4)}-${seq}-${node.toString("hex")}`;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function alphanumeric(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(0, ALPHANUMERIC.length)];
  return out;
}

export const authToken = () => alphanumeric(40);
export const digitString = () => String(randomInt(0, 100_000_000)).padStart(8, "0");
export const shortId = () => randomBytes(12).toString("base64url");
