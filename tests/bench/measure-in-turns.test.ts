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
    const target = req.url === "/b" ? "b" : "a";
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

  it("refuses to split a burst of a fixed size into rounds", async () => {
    const load = { connections: 1, seconds: 1, warmupSeconds: 0, amount: 10 };
    await expect(measureInTurns([{ url: `${base}/a` }], load, 2)).rejects.toThrow(/one round/);
  });
});
