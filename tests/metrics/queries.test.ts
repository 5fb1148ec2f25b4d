import { beforeAll, describe, expect, it } from "vitest";
import { daysOf, withDefaultRange } from "@/lib/metrics/range";

type Metrics = typeof import("@/lib/metrics/queries");
let m: Metrics;
let db: ReturnType<typeof import("@/lib/db").getDb>;
const ALL = { kind: "all" } as const;
const staff: Record<string, string> = {};
const HOUR = 3_600_000;

// percentile_cont: linear interpolation between the two nearest ranks.
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  return sorted[lo]! + (sorted[Math.ceil(rank)]! - sorted[lo]!) * (rank - lo);
}

const durationsHours = [1, 2, 2, 3, 5, 8, 13, 21, 34, 55];

beforeAll(async () => {
  m = await import("@/lib/metrics/queries");
  db = (await import("@/lib/db")).getDb();
  for (const name of ["Ann", "Bob", "Cid"]) {
    staff[name] = (await db.staffUser.create({ data: { email: `${name}@m`, name, role: "OFFICER" } })).id;
  }
  const day1 = Date.UTC(2026, 4, 1, 9);
  const day2 = Date.UTC(2026, 4, 2, 9);
  let n = 0;
  const make = (createdAt: number, status: string, decidedAfterHours?: number) =>
    db.verification.create({
      data: {
        scanRef: `m-${(n += 1)}`,
        clientId: `c-${n}`,
        tokenType: "VIDEO_CALL",
        status: status as "APPROVED",
        createdById: staff.Ann,
        createdAt: new Date(createdAt),
        decidedAt: decidedAfterHours === undefined ? null : new Date(createdAt + decidedAfterHours * HOUR),
      },
    });
  for (const [i, h] of durationsHours.entries()) {
    const v = await make(i < 6 ? day1 : day2, i % 3 === 0 ? "DENIED" : "APPROVED", h);
    const decider = i % 2 ? staff.Bob! : staff.Ann!;
    await db.decision.create({
      data: {
        verificationId: v.id,
        decidedById: decider,
        outcome: i % 3 === 0 ? "REJECT" : "APPROVE",
        reason: "r",
        state: i === 4 ? "OVERRULED" : "FINAL",
        reviewedById: i % 3 === 0 || i === 4 ? staff.Cid : null,
      },
    });
  }
  await make(day2, "EXPIRED");
  // Open work, aged from now: 30 minutes, 2 hours, 2 days, 10 days.
  for (const ageHours of [0.5, 2, 48, 240]) await make(Date.now() - ageHours * HOUR, "ACTIVE");
});

const may = { from: "2026-05-01", to: "2026-05-02" };

describe("metrics", () => {
  it("counts verifications per day by outcome", async () => {
    expect(await m.perDay(may, ALL)).toEqual([
      { day: "2026-05-01", approved: 4, denied: 2, resubmission: 0, aborted: 0, expired: 0, open: 0 },
      { day: "2026-05-02", approved: 2, denied: 2, resubmission: 0, aborted: 0, expired: 1, open: 0 },
    ]);
  });

  it("gives the median and 90th percentile from creation to decision, as percentile_cont does", async () => {
    const [overall, ...days] = await m.decisionTimes(may, ALL);
    expect(overall).toMatchObject({ day: null, decided: 10 });
    expect(overall!.medianSeconds).toBeCloseTo(percentile(durationsHours, 0.5) * 3600, 3);
    expect(overall!.p90Seconds).toBeCloseTo(percentile(durationsHours, 0.9) * 3600, 3);
    expect(days.map((d) => d.day)).toEqual(["2026-05-01", "2026-05-02"]);
    expect(days[1]!.medianSeconds).toBeCloseTo(percentile(durationsHours.slice(6), 0.5) * 3600, 3);
  });

  it("shows each officer's outcomes and how the second reviews went", async () => {
    const rows = await m.perOfficer(may, ALL);
    const ann = rows.find((r) => r.name === "Ann")!;
    const bob = rows.find((r) => r.name === "Bob")!;
    // Ann decided i = 0, 2, 4, 6, 8; Bob i = 1, 3, 5, 7, 9. Rejections at i = 0, 3, 6, 9; overruled i = 4.
    expect(ann).toMatchObject({ decisions: 5, reject: 2, approve: 3, confirmed: 2, overruled: 1 });
    expect(bob).toMatchObject({ decisions: 5, reject: 2, approve: 3, confirmed: 2, overruled: 0 });
  });

  it("applies the list's filters (here: only Bob's assignments, so nothing)", async () => {
    expect(await m.perDay({ ...may, assignee: staff.Bob }, ALL)).toEqual([]);
  });

  it("ages the open queue regardless of the date range", async () => {
    const queue = await m.queueAge(may, ALL);
    expect(queue.open).toBe(4);
    expect(queue.buckets.map((b) => b.count)).toEqual([1, 1, 0, 1, 0, 1]);
    expect(Date.now() - queue.oldest!.getTime()).toBeGreaterThan(239 * HOUR);
  });

  it("defaults to the last 30 days and lists every day of a range", () => {
    expect(withDefaultRange({}, new Date("2026-05-31T12:00:00Z"))).toEqual({
      from: "2026-05-02",
      to: "2026-05-31",
    });
    expect(daysOf("2026-02-27", "2026-03-01")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
  });
});
