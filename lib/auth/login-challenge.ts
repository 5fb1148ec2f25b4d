import "server-only";
import { seal, unseal } from "@/lib/auth/keys";

// Between the password step and the code step the browser holds this sealed note, not the password.
// It names the user and their session version, and lasts five minutes.
const LIFETIME_MS = 5 * 60 * 1000;
const CONTEXT = "login-challenge";

type Challenge = { uid: string; sv: number; exp: number };

export function issueChallenge(userId: string, sessionVersion: number, now = Date.now()): string {
  const body: Challenge = { uid: userId, sv: sessionVersion, exp: now + LIFETIME_MS };
  return seal("login-challenge", JSON.stringify(body), CONTEXT);
}

export function openChallenge(
  token: string,
  now = Date.now(),
): { userId: string; sessionVersion: number } | null {
  const plain = token.length < 1024 ? unseal("login-challenge", token, CONTEXT) : null;
  if (!plain) return null;
  const body = JSON.parse(plain) as Challenge;
  if (typeof body.uid !== "string" || typeof body.sv !== "number" || !(body.exp > now)) return null;
  return { userId: body.uid, sessionVersion: body.sv };
}
