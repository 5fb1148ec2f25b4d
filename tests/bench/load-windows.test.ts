// The load report's windows place each request by when it started, so a p95 can be traced to a moment of the run.
import { describe, expect, it } from "vitest";
import { percentile, Recorder } from "../../bench/load/stats";

let now = 0;
const clock = () => now;

/** A request of `route` that starts at `startMs` on the test's clock and takes `ms`. */
async function request(recorder: Recorder, route: string, startMs: number, ms: number) {
  now = startMs;
  await recorder.time(route, async () => {
    now = startMs + ms;
    return { ok: true, value: null };
  });
}

describe("load test windows", () => {
  it("groups requests by the window they started in, from the run's start", async () => {
    now = 0;
    const recorder = new Recorder(clock);
    await request(recorder, "sign-in", 0, 500); // before the run: left out
    const from = 1_000;
    await request(recorder, "list", from + 100, 40);
    await request(recorder, "list", from + 9_900, 60);
    await request(recorder, "list", from + 10_000, 900);
    await request(recorder, "case", from + 25_000, 30);
    const windows = recorder.windows(10, from);
    expect(windows).toEqual([
      { fromSecond: 0, routes: { list: { count: 2, p95: 60 } } },
      { fromSecond: 10, routes: { list: { count: 1, p95: 900 } } },
      { fromSecond: 20, routes: { case: { count: 1, p95: 30 } } },
    ]);
    // The whole run's figure is unchanged by the windows.
    expect(recorder.summary().list).toMatchObject({ count: 3, p95: 900 });
  });

  it("fills a window nothing started in", async () => {
    now = 0;
    const recorder = new Recorder(clock);
    await request(recorder, "list", 0, 10);
    await request(recorder, "list", 25_000, 10);
    expect(recorder.windows(10).map((w) => w.routes.list?.count ?? 0)).toEqual([1, 0, 1]);
  });

  it("percentile takes the nearest rank", () => {
    expect(percentile([], 0.95)).toBe(0);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.95)).toBe(4);
  });
});
