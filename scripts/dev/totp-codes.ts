// What `npm run dev:totp` prints: each demo account's current two-factor code, from the dev secrets file.
import { Secret, TOTP } from "otpauth";
import { DEMO_STAFF } from "../db/seed";
import type { DevSecrets } from "./secrets";

const PERIOD = 30;

export type DemoCode = { role: string; email: string; code: string; secondsLeft: number };

/**
 * The codes, or why there are none. Only for the embedded development database, which `npm run dev` seeds
 * with these keys: never in production, never against a DATABASE_URL (whose accounts were not seeded so).
 */
export function demoTotpCodes(
  env: Record<string, string | undefined>,
  secrets: Partial<DevSecrets> | null,
  now = Date.now(),
): { ok: true; codes: DemoCode[] } | { ok: false; message: string } {
  if (env.NODE_ENV === "production") {
    return { ok: false, message: "Refused: NODE_ENV=production. Demo codes exist only in development." };
  }
  if (env.DATABASE_URL) {
    return {
      ok: false,
      message:
        "Refused: DATABASE_URL is set, so this is not the embedded development database, and its accounts " +
        "were not enrolled with the demo keys. Use your authenticator app.",
    };
  }
  const keys = secrets?.totp;
  if (!keys) return { ok: false, message: "No demo keys yet: run `npm run dev` once first." };
  const secondsLeft = PERIOD - (Math.floor(now / 1000) % PERIOD);
  const codes = DEMO_STAFF.flatMap((staff) => {
    const secret = keys[staff.key];
    if (!secret) return [];
    const code = TOTP.generate({ secret: Secret.fromBase32(secret), period: PERIOD, timestamp: now });
    return [{ role: staff.role, email: staff.email, code, secondsLeft }];
  });
  return { ok: true, codes };
}
