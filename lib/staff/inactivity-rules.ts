import { z } from "zod";
import { errorWithValues } from "@/lib/i18n/in-language";
import { messageKey } from "@/lib/i18n/keys";

// Accounts nobody signs in to are a risk of their own (a leaver's account, a shared one): after a number of
// days without a sign-in (Settings, 90 by default) the daily job deactivates them (lib/staff/inactivity.ts).
// The clock runs from the last sign-in, or, for an account that never signed in, from its creation; an
// accepted or re-sent invitation and a reactivation restart it (`activeSince`), so that an admin's decision to
// let someone back in is not undone the next night.

export const DEFAULT_INACTIVE_DAYS = 90;
export const MIN_INACTIVE_DAYS = 30;
export const MAX_INACTIVE_DAYS = 730;
/** Accounts this close to deactivation are listed for admins on the Staff page. */
export const WARNING_DAYS = 14;

const DAY_MS = 86_400_000;

/** The setting as admins enter it. */
export const INACTIVE_DAYS_INPUT = z.coerce
  .number({ message: messageKey("staff.errors.enterDays") })
  .int(messageKey("staff.errors.wholeDays"))
  .min(MIN_INACTIVE_DAYS, errorWithValues("staff.errors.atLeastDays", { days: MIN_INACTIVE_DAYS }))
  .max(MAX_INACTIVE_DAYS, errorWithValues("staff.errors.atMostDays", { days: MAX_INACTIVE_DAYS }));

/** The setting as stored: anything out of range (a hand-edited row) counts as the default. */
export const INACTIVE_DAYS = z
  .number()
  .int()
  .min(MIN_INACTIVE_DAYS)
  .max(MAX_INACTIVE_DAYS)
  .catch(DEFAULT_INACTIVE_DAYS);

export type ActivityDates = { lastLoginAt: Date | null; activeSince: Date | null; createdAt: Date };

/** When the inactivity clock started: the latest of the last sign-in, activeSince and creation. */
export function lastActivityAt(user: ActivityDates): Date {
  const times = [user.lastLoginAt, user.activeSince, user.createdAt].filter((d): d is Date => d !== null);
  return new Date(Math.max(...times.map((d) => d.getTime())));
}

/** When the account is deactivated if nobody signs in to it before. */
export function inactivityDeadline(user: ActivityDates, days: number): Date {
  return new Date(lastActivityAt(user).getTime() + days * DAY_MS);
}

/** Whether the account has gone `days` days without activity. */
export function isInactive(user: ActivityDates, days: number, now: Date): boolean {
  return inactivityDeadline(user, days).getTime() <= now.getTime();
}

/** The latest activity that still counts as inactive at `now`: every one of the three dates at or before it. */
export function inactivityCutoff(days: number, now: Date): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
