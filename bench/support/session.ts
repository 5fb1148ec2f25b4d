// Signing in over plain HTTP, the way the login form does it through next-auth: CSRF token, then the password
// step, which answers a sealed challenge, then the code step with that challenge and a TOTP code.
import { Secret, TOTP } from "otpauth";
import { LOGIN_ERRORS } from "../../lib/auth/login-errors";
import { benchTotpSecret } from "./config";

export type Session = { email: string; cookie: string };

const PERIOD_MS = 30_000;

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0]!);
}

export const hasSessionCookie = (setCookie: string): boolean => /session-token=./.test(setCookie);

/** next-auth's CSRF token and the cookie it is bound to (double submit). */
export async function csrf(baseUrl: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!response.ok) throw new Error(`GET /api/auth/csrf answered ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: cookiePairs(response).join("; ") };
}

/** Either step's form: `{ email, password }`, then `{ challenge, code }`. For fetch and autocannon alike. */
export function credentialsRequest(token: string, cookie: string, fields: Record<string, string>) {
  const body = new URLSearchParams({ ...fields, csrfToken: token, json: "true" }).toString();
  const headers = { "content-type": "application/x-www-form-urlencoded", cookie };
  return { body, headers };
}

/** The error next-auth put in the answer's `url` (it answers 200 with `{ url }` to a `json` post). */
export function loginError(body: string): string | null {
  try {
    const { url } = JSON.parse(body) as { url?: unknown };
    return typeof url === "string" ? new URL(url, "http://x").searchParams.get("error") : null;
  } catch {
    return null;
  }
}

/** The sealed challenge the password step answers with, as the login form reads it; null for anything else. */
export function challengeFrom(body: string): string | null {
  const prefix = `${LOGIN_ERRORS.codeRequired}:`;
  const error = loginError(body);
  return error?.startsWith(prefix) ? error.slice(prefix.length) : null;
}

// A code works once per account and 30-second step (the app records the last step used). The app accepts one
// step of drift, so an account can sign in with this step's code and the next step's, then must wait.
const lastStep = new Map<string, number>();

/** Takes the account's next unused step, this one or the next; null when both are taken (see nextCode). */
export function claimStep(email: string, now = Date.now()): number | null {
  const current = Math.floor(now / PERIOD_MS);
  const step = Math.max(current, (lastStep.get(email) ?? -Infinity) + 1);
  if (step > current + 1) return null;
  lastStep.set(email, step);
  return step;
}

/** The account's TOTP code for a step, from its known bench key. */
export function codeAt(email: string, step: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(benchTotpSecret(email)), timestamp: step * PERIOD_MS });
}

/** A code this process has not used yet for the account, waiting for the next step when it must. */
async function nextCode(email: string): Promise<string> {
  for (;;) {
    const step = claimStep(email);
    if (step !== null) return codeAt(email, step);
    const wait = PERIOD_MS - (Date.now() % PERIOD_MS) + 100;
    console.log(`  ${email}: both usable codes spent, waiting ${Math.ceil(wait / 1000)} s for the next step`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const { token, cookie } = await csrf(baseUrl);
  const post = (fields: Record<string, string>) =>
    fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      ...credentialsRequest(token, cookie, fields),
      redirect: "manual",
    });
  const first = await post({ email, password });
  const answer = await first.text();
  // A password alone must never be enough: that would be a bench of a weaker sign-in than production's.
  if (cookiePairs(first).some(hasSessionCookie)) {
    throw new Error(`${email} was signed in without a code: every bench account must be enrolled`);
  }
  const challenge = challengeFrom(answer);
  if (!challenge) {
    throw new Error(`Password step of ${email} failed (HTTP ${first.status}, error ${loginError(answer)})`);
  }
  const second = await post({ challenge, code: await nextCode(email) });
  const error = loginError(await second.text());
  const session = cookiePairs(second).find(hasSessionCookie);
  if (!session) throw new Error(`Code step of ${email} failed (HTTP ${second.status}, error ${error})`);
  return { email, cookie: session };
}
