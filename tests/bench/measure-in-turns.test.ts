// The cases measured in turns: targets take turns round by round, and each target's runs are pooled into one
// measurement, so a drift in the machine's load falls on the app and its baseline alike.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureInTurns } from "../../bench/support/measure";

// Which target each request reached, in arrival order.
const arrivals: string[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const target = req.url!.slice(1);
    arrivals.push(target);
    res.statusCode = target === "b" ? 503 : 200;
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs of consecutive arrivals at the same target: "aaabbbaa" → ["a", "b", "a"]. */
const turns = (list: string[]) => list.filter((t, i) => i === 0 || list[i - 1] !== t);

describe("measureInTurns", () => {
  it("alternates the targets round by round and pools each one's responses", async () => {
    arrivals.length = 0;
    const load = { connections: 1, seconds: 2, warmupSeconds: 0 };
    const [a, b] = await measureInTurns([{ url: `${base}/a` }, { url: `${base}/b` }], load, 2);
    expect(turns(arrivals)).toEqual(["a", "b", "a", "b"]);
    const count = (t: string) => arrivals.filter((x) => x === t).length;
    // The server also saw the request each run left in flight when its time was up: at most one per round.
    for (const [m, t] of [
      [a!, "a"],
      [b!, "b"],
    ] as const) {
      expect(m.requests).toBeLessThanOrEqual(count(t));
      expect(m.requests).toBeGreaterThanOrEqual(count(t) - 2);
    }
    expect(a!.statuses).toEqual({ "200": a!.requests });
    expect(b!.statuses).toEqual({ "503": b!.requests });
    expect(a!.non2xx).toBe(0);
    expect(b!.non2xx).toBe(b!.requests);
    // Two runs of a second each: the rate is over their pooled duration, not over one run's.
    expect(a!.rps).toBeGreaterThan(a!.requests / 2.5);
    expect(a!.rps).toBeLessThan(a!.requests / 1.5);
  });

  it("warms each target up again in every round, before its measured run", async () => {
    arrivals.length = 0;
    const load = { connections: 1, seconds: 2, warmupSeconds: 2 };
    // Targets of their own: a request the last test left in flight may still arrive.
    const [c] = await measureInTurns([{ url: `${base}/c` }, { url: `${base}/d` }], load, 2);
    const mine = arrivals.filter((x) => x === "c" || x === "d");
    // Warm-up and measured run of a target follow each other: still one turn each per round.
    expect(turns(mine)).toEqual(["c", "d", "c", "d"]);
    // Half of what reached c was warm-up (1 s per round), left out of the measurement.
    const reachedC = mine.filter((x) => x === "c").length;
    expect(c!.requests).toBeLessThan(reachedC * 0.7);
    expect(c!.requests).toBeGreaterThan(reachedC * 0.3);
  });

  it("refuses to split a burst, or a target that counts its requests, into rounds", async () => {
    const load = { connections: 1, seconds: 1, warmupSeconds: 0 };
    await expect(measureInTurns([{ url: `${base}/a` }], { ...load, amount: 10 }, 2)).rejects.toThrow(
      /one round/,
    );
    await expect(measureInTurns([{ url: `${base}/a`, reset: () => {} }], load, 2)).rejects.toThrow(
      /one round/,
    );
  });
});
