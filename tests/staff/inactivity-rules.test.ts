// The inactivity rule and its setting, pure: when an account counts as inactive, and what admins may set.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_INACTIVE_DAYS,
  INACTIVE_DAYS,
  INACTIVE_DAYS_INPUT,
  inactivityDeadline,
  isInactive,
  lastActivityAt,
} from "@/lib/staff/inactivity-rules";

const now = new Date("2026-06-30T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe("the inactivity rule", () => {
  it("counts from the last sign-in", () => {
    const user = { lastLoginAt: daysAgo(90), activeSince: null, createdAt: daysAgo(400) };
    expect(lastActivityAt(user)).toEqual(daysAgo(90));
    expect(isInactive(user, 90, now)).toBe(true);
    expect(isInactive(user, 91, now)).toBe(false);
    expect(isInactive({ ...user, lastLoginAt: new Date(daysAgo(90).getTime() + 1) }, 90, now)).toBe(false);
  });

  it("counts an account that never signed in from its creation", () => {
    const never = { lastLoginAt: null, activeSince: null, createdAt: daysAgo(95) };
    expect(lastActivityAt(never)).toEqual(daysAgo(95));
    expect(isInactive(never, 90, now)).toBe(true);
    expect(isInactive({ ...never, createdAt: daysAgo(89) }, 90, now)).toBe(false);
    expect(inactivityDeadline({ ...never, createdAt: daysAgo(80) }, 90)).toEqual(daysAgo(-10));
  });

  it("restarts at an accepted invitation or a reactivation, whichever of the dates is latest", () => {
    const back = { lastLoginAt: daysAgo(300), activeSince: daysAgo(5), createdAt: daysAgo(400) };
    expect(lastActivityAt(back)).toEqual(daysAgo(5));
    expect(isInactive(back, 90, now)).toBe(false);
    // Invited and accepted, never signed in: from the acceptance.
    const accepted = { lastLoginAt: null, activeSince: daysAgo(91), createdAt: daysAgo(120) };
    expect(isInactive(accepted, 90, now)).toBe(true);
    expect(isInactive(accepted, 92, now)).toBe(false);
  });
});

describe("the inactivity setting", () => {
  it("takes whole days from 30 to 730, as typed in the form", () => {
    expect(INACTIVE_DAYS_INPUT.parse("90")).toBe(90);
    expect(INACTIVE_DAYS_INPUT.parse("30")).toBe(30);
    expect(INACTIVE_DAYS_INPUT.parse("730")).toBe(730);
    for (const bad of ["29", "731", "90.5", "abc", "", "-90"]) {
      expect(INACTIVE_DAYS_INPUT.safeParse(bad).success, bad).toBe(false);
    }
    expect(INACTIVE_DAYS_INPUT.safeParse("29").error?.issues[0]?.message).toBe("At least 30 days");
  });

  it("reads a missing or hand-edited stored value as the default, 90", () => {
    expect(DEFAULT_INACTIVE_DAYS).toBe(90);
    expect(INACTIVE_DAYS.parse(undefined)).toBe(90);
    expect(INACTIVE_DAYS.parse(5)).toBe(90);
    expect(INACTIVE_DAYS.parse("120")).toBe(90);
    expect(INACTIVE_DAYS.parse(120)).toBe(120);
  });
});
