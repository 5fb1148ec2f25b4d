// The session cookie: next-auth's encrypted JWT. No database and no "server-only" here: proxy.ts uses it too.
import { decode, encode, type JWT } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { processWide } from "@/lib/singleton";

export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;

/**
 * What the cookie claims; lib/auth/session-check.ts compares it with the database on every request. `until`
 * (seconds): an auditor's access expiry at sign-in, so that even the proxy's optimistic check ends the session.
 * `sso`: signed in through the IdP (lib/auth/sso.ts), whose own second factor stands in for ours.
 */
export type SessionClaims = {
  sub: string;
  role: string;
  sv: number;
  loginAt: number;
  until?: number;
  sso?: true;
};

export type CookieSettings = {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
};

export function sessionCookie(appUrl = getEnv().APP_URL): CookieSettings {
  // __Host- pins the cookie to this exact host, over TLS, for the whole site: no subdomain can set or read it.
  const secure = appUrl.startsWith("https://");
  return {
    name: secure ? "__Host-next-auth.session-token" : "next-auth.session-token",
    options: { httpOnly: true, sameSite: "lax", path: "/", secure },
  };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The claims, if the token has them all, the 12-hour limit since sign-in and any access expiry have not passed. */
export function claimsFrom(token: JWT | null | undefined, now = nowSeconds()): SessionClaims | null {
  if (!token) return null;
  const { sub, role, sv, loginAt, until, sso } = token as Record<string, unknown>;
  if (typeof sub !== "string" || typeof role !== "string") return null;
  if (typeof sv !== "number" || typeof loginAt !== "number") return null;
  if (loginAt > now + 60 || now - loginAt > ABSOLUTE_TIMEOUT_SECONDS) return null;
  // Kept through every re-issue (proxy.ts): a dropped flag would send an SSO user to local enrolment.
  const claims: SessionClaims = { sub, role, sv, loginAt, ...(sso === true ? { sso: true as const } : {}) };
  if (until === undefined) return claims;
  if (typeof until !== "number" || now >= until) return null;
  return { ...claims, until };
}

// Decrypting a cookie derives its key (HKDF) and runs AES-GCM, and every request did it twice: in proxy.ts and
// in the DAL. The same cookie string always decrypts to the same token, so decrypted tokens are kept until
// their own expiry, keyed by the whole cookie (a forged one never matches). The claims are re-checked on
// every read, and revocation is the database's job (lib/auth/session-check.ts), so nothing is trusted longer.
// Process-wide: the proxy and the pages are separate bundles in one process.
const CACHE_MAX = 2_000;
type CachedToken = { token: JWT; exp: number };
const decodedTokens = () => processWide("session-tokens", () => new Map<string, CachedToken>());

function remember(raw: string, token: JWT): void {
  if (typeof token.exp !== "number") return;
  const tokens = decodedTokens();
  // Oldest first: a Map iterates in insertion order.
  if (tokens.size >= CACHE_MAX) tokens.delete(tokens.keys().next().value!);
  tokens.set(raw, { token, exp: token.exp });
}

/** Decrypts a session cookie; null when absent, forged, idle for more than 30 minutes, or too old. */
export async function readSessionToken(raw: string | undefined): Promise<SessionClaims | null> {
  if (!raw) return null;
  const now = nowSeconds();
  const cached = decodedTokens().get(raw);
  if (cached) {
    if (cached.exp > now) return claimsFrom(cached.token, now);
    decodedTokens().delete(raw);
  }
  try {
    const token = await decode({ token: raw, secret: getEnv().NEXTAUTH_SECRET });
    if (token) remember(raw, token);
    return claimsFrom(token, now);
  } catch {
    return null;
  }
}

// Re-issuing costs a key derivation and an encryption, and a new cookie value also misses the cache above on
// the next request. Once a minute is enough for a 30-minute idle clock: it then runs out between 29 and 30
// minutes after the last activity.
export const REISSUE_AFTER_SECONDS = 60;

/** Whether an activity on this (already read) cookie should restart its idle clock: when it is a minute old. */
export function reissueDue(raw: string | undefined, now = nowSeconds()): boolean {
  const issuedAt = raw ? decodedTokens().get(raw)?.token.iat : undefined;
  return typeof issuedAt !== "number" || now - issuedAt >= REISSUE_AFTER_SECONDS;
}

/** A fresh cookie value for the same sign-in: the idle clock restarts, the absolute one does not. */
export function reissueSessionToken(claims: SessionClaims): Promise<string> {
  return encode({ token: { ...claims }, secret: getEnv().NEXTAUTH_SECRET, maxAge: IDLE_TIMEOUT_SECONDS });
}
