import { randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";

// 16 random bytes (128 bits) in base64url: 22 characters, unguessable, safe in a path.
const SLUG_BYTES = 16;
export const SLUG_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function newSlug(): string {
  return randomBytes(SLUG_BYTES).toString("base64url");
}

/** The address a client is given; the MarkID address behind it is only ever sent as a redirect. */
export function linkUrl(slug: string): string {
  return `${getEnv().APP_URL.replace(/\/+$/, "")}/l/${slug}`;
}
