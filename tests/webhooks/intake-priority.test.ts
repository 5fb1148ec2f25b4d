import { describe, expect, it } from "vitest";
import { BURST_EVENTS, BURST_WINDOW_MS, intakeGauge, MAX_DEFER_MS } from "@/lib/webhooks/intake-priority";

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** Events arriving at `perSecond` for `ms` milliseconds. */
function arrive(
  gauge: ReturnType<typeof intakeGauge>,
  time: ReturnType<typeof clock>,
  perSecond: number,
  ms: number,
) {
  const gap = 1_000 / perSecond;
  for (let spent = 0; spent < ms; spent += gap) {
    time.advance(gap);
    gauge.arrived();
  }
}

describe("intake first", () => {
  it("does not hold the loop off for single events or a trickle", () => {
    const time = clock();
    const gauge = intakeGauge(time.now);
    expect(gauge.holdOffMs()).toBe(0);
    gauge.arrived();
    expect(gauge.holdOffMs()).toBe(0);
    arrive(gauge, time, 50, 2_000);
    expect(gauge.holdOffMs()).toBe(0);
  });

  it("holds the loop off while a burst arrives and lets it run once the burst is over", () => {
    const time = clock();
    const gauge = intakeGauge(time.now);
    arrive(gauge, time, 1_000, 500);
    const wait = gauge.holdOffMs();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(BURST_WINDOW_MS);
    time.advance(BURST_WINDOW_MS + 1);
    expect(gauge.holdOffMs()).toBe(0);
  });

  it("never holds off for longer than MAX_DEFER_MS in a row, however long the burst lasts", () => {
    const time = clock();
    const gauge = intakeGauge(time.now);
    let heldOff = 0;
    for (let step = 0; step < MAX_DEFER_MS / 50 + 10; step++) {
      arrive(gauge, time, 1_000, 50);
      const wait = gauge.holdOffMs();
      if (wait === 0) break;
      heldOff += 50;
    }
    expect(heldOff).toBeGreaterThan(0);
    expect(heldOff).toBeLessThanOrEqual(MAX_DEFER_MS);
    // Until it has caught up, the burst cannot hold it off again…
    arrive(gauge, time, 1_000, 1_000);
    expect(gauge.holdOffMs()).toBe(0);
    // …and once it has, the next burst can.
    gauge.caughtUp();
    expect(gauge.holdOffMs()).toBeGreaterThan(0);
  });

  it("counts a burst as BURST_EVENTS arrivals within the window", () => {
    const time = clock();
    const gauge = intakeGauge(time.now);
    for (let i = 0; i < BURST_EVENTS - 1; i++) gauge.arrived();
    expect(gauge.holdOffMs()).toBe(0);
    gauge.arrived();
    expect(gauge.holdOffMs()).toBeGreaterThan(0);
  });
});
