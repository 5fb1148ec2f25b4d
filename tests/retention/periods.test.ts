// The policy's dates: calendar arithmetic in UTC, month ends and leap days clamped, whatever the process's
// time zone; and the SQL that selects what is due computes the very same instants.
import { afterEach, describe, expect, it } from "vitest";
import { STATUS_CLASS, statusesOf, RETENTION_CLASSES } from "@/lib/retention/classes";
import { addPeriod, intervalParts, type RetentionPeriod } from "@/lib/retention/periods";

const at = (iso: string) => new Date(iso);
const years = (amount: number): RetentionPeriod => ({ amount, unit: "years" });
const months = (amount: number): RetentionPeriod => ({ amount, unit: "months" });
const days = (amount: number): RetentionPeriod => ({ amount, unit: "days" });

const CASES: Array<[string, RetentionPeriod, string]> = [
  ["2024-02-29T13:45:00.000Z", years(1), "2025-02-28T13:45:00.000Z"],
  ["2024-02-29T13:45:00.000Z", years(4), "2028-02-29T13:45:00.000Z"],
  ["2024-02-29T00:00:00.000Z", years(5), "2029-02-28T00:00:00.000Z"],
  ["2026-01-31T23:59:59.999Z", months(1), "2026-02-28T23:59:59.999Z"],
  ["2027-12-31T08:00:00.000Z", months(2), "2028-02-29T08:00:00.000Z"],
  ["2026-11-30T10:00:00.000Z", months(15), "2028-02-29T10:00:00.000Z"],
  // The last Sunday of March: a day is 24 hours in UTC, whatever the clocks in Berlin do.
  ["2026-03-28T22:30:00.000Z", days(1), "2026-03-29T22:30:00.000Z"],
  ["2026-10-24T23:00:00.000Z", days(365), "2027-10-24T23:00:00.000Z"],
];

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("addPeriod", () => {
  it.each(CASES)("%s + %o = %s", (start, period, end) => {
    expect(addPeriod(at(start), period).toISOString()).toBe(end);
  });

  it("gives the same instants in any time zone of the server", () => {
    const inUtc = CASES.map(([s, p]) => addPeriod(at(s), p).toISOString());
    for (const tz of ["Pacific/Kiritimati", "America/St_Johns", "Europe/Berlin", "Australia/Lord_Howe"]) {
      process.env.TZ = tz;
      expect(CASES.map(([s, p]) => addPeriod(at(s), p).toISOString())).toEqual(inUtc);
    }
  });
});

describe("retention classes", () => {
  it("put every status in exactly one class", () => {
    const all = RETENTION_CLASSES.flatMap(statusesOf).sort();
    expect(all).toEqual(Object.keys(STATUS_CLASS).sort());
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("PostgreSQL's interval arithmetic, which selects what is due", () => {
  it("agrees with addPeriod on every case", async () => {
    const { getDb } = await import("@/lib/db");
    for (const [start, period] of CASES) {
      const { years: y, months: m, days: d } = intervalParts(period);
      const [row] = await getDb().$queryRaw<Array<{ end: Date }>>`
        SELECT (${start}::timestamp + make_interval(years => ${y}::int, months => ${m}::int, days => ${d}::int)) AS end`;
      expect(row!.end.toISOString(), `${start} + ${JSON.stringify(period)}`).toBe(
        addPeriod(at(start), period).toISOString(),
      );
    }
  });
});
