import { describe, expect, it } from "vitest";
import { describeOffset, formatDateTime, formatTime, formatUtcDateTime } from "@/lib/format";
import { currentTimeZone, isTimeZone, resolveTimeZone } from "@/lib/time-zone";

const at = new Date("2026-01-05T21:42:00Z");
const summer = new Date("2026-07-05T21:42:00Z");

describe("dates in the reader's time zone", () => {
  it("shows local time, names UTC only when that is the zone, and the offset of that moment", () => {
    expect(formatDateTime(at, "Europe/Berlin")).toBe("5 Jan 2026, 22:42");
    expect(formatDateTime(summer, "Europe/Berlin")).toBe("5 Jul 2026, 23:42");
    expect(formatDateTime(at, "UTC")).toBe("5 Jan 2026, 21:42 UTC");
    expect(describeOffset(at, "Europe/Berlin")).toBe("UTC+01:00 (Europe/Berlin)");
    expect(describeOffset(summer, "Europe/Berlin")).toBe("UTC+02:00 (Europe/Berlin)");
    expect(describeOffset(at, "Asia/Kolkata")).toBe("UTC+05:30 (Asia/Kolkata)");
    expect(describeOffset(at, "UTC")).toBe("UTC+00:00");
    expect(formatTime(at, "America/New_York")).toBe("16:42");
  });

  it("names the offset exactly at a change of offset, however often it is asked", () => {
    // Berlin moved to summer time at 01:00 UTC on 29 March 2026; Lord Howe's half-hour change is at 15:00 UTC.
    for (let i = 0; i < 2; i++) {
      expect(describeOffset(new Date("2026-03-29T00:59:59Z"), "Europe/Berlin")).toBe(
        "UTC+01:00 (Europe/Berlin)",
      );
      expect(describeOffset(new Date("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe(
        "UTC+02:00 (Europe/Berlin)",
      );
      expect(describeOffset(new Date("2026-04-04T14:59:59Z"), "Australia/Lord_Howe")).toBe(
        "UTC+11:00 (Australia/Lord_Howe)",
      );
      expect(describeOffset(new Date("2026-04-04T15:00:00Z"), "Australia/Lord_Howe")).toBe(
        "UTC+10:30 (Australia/Lord_Howe)",
      );
    }
  });

  it("keeps emails in UTC whatever the zone, and outside a request the zone is UTC", () => {
    expect(currentTimeZone()).toBe("UTC");
    expect(formatUtcDateTime(at)).toBe("5 Jan 2026, 21:42 UTC");
    expect(formatDateTime(at)).toBe("5 Jan 2026, 21:42 UTC");
  });

  it("prefers the person's choice, then the browser's zone, and refuses what is not a zone", () => {
    expect(resolveTimeZone("Europe/Vilnius", "Europe/Berlin")).toBe("Europe/Vilnius");
    expect(resolveTimeZone(null, "Europe/Berlin")).toBe("Europe/Berlin");
    expect(resolveTimeZone(null, "Mars/Olympus")).toBe("UTC");
    expect(resolveTimeZone(null, undefined)).toBe("UTC");
    expect(isTimeZone("Europe/Berlin<script>")).toBe(false);
    expect(isTimeZone("x".repeat(65))).toBe(false);
  });
});
