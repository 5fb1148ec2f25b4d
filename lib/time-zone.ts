import { cache } from "react";

// Staff read dates in their own time zone (their choice, else their browser's); exports, emails and the
// audit trail stay in UTC. The zone of the request being rendered is kept in one per-request cell, filled
// by the session check (lib/auth/dal.ts), so that formatDateTime needs no zone at its call sites. Outside a
// server request (client components, scripts, tests) React's cache keeps nothing and the zone is UTC.

/** The cookie the browser's own zone travels in (components/shell/browser-time-zone.tsx). */
export const BROWSER_ZONE_COOKIE = "tz";

/** The form's value for "follow my browser", stored as null. */
export const BROWSER_ZONE = "browser";

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || !value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const requestZone = cache((): { zone: string } => ({ zone: "UTC" }));

/** The zone to show this request's dates in: the person's choice, else the browser's, else UTC. */
export function resolveTimeZone(chosen: string | null, browser: string | undefined): string {
  if (isTimeZone(chosen)) return chosen;
  return isTimeZone(browser) ? browser : "UTC";
}

export function setRequestTimeZone(zone: string): void {
  requestZone().zone = zone;
}

export function currentTimeZone(): string {
  return requestZone().zone;
}
