// Latency and errors per route for the load test: every request is timed and judged where it is made.
import { rankValue } from "../support/measure";

export type RouteStats = {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

/** One window of the run: per route, how many requests started in it and their p95. */
export type Window = { fromSecond: number; routes: Record<string, { count: number; p95: number }> };

/** The value at percentile `p` (0–1) of ascending `sorted`, to a tenth of a millisecond; 0 when empty. */
export function percentile(sorted: number[], p: number): number {
  return Math.round(rankValue(sorted, p) * 10) / 10;
}

export class Recorder {
  private readonly latencies = new Map<string, number[]>();
  /** When each request started, in ms from the recorder's creation, beside its latency. */
  private readonly starts = new Map<string, number[]>();
  private readonly origin: number;

  /** `clock`: milliseconds, monotonic (a test's own). */
  constructor(private readonly clock: () => number = () => performance.now()) {
    this.origin = clock();
  }
  private readonly errors = new Map<string, number>();
  /** The first few failures, so a report says what went wrong and not only how often. */
  readonly samples: string[] = [];

  /** Times `fn`; a thrown error or a false result counts as an error of `route`. */
  async time<T>(
    route: string,
    fn: () => Promise<{ ok: boolean; value: T; why?: string }>,
  ): Promise<T | null> {
    const started = this.clock();
    let outcome: { ok: boolean; value: T; why?: string } | null = null;
    let failure = "";
    try {
      outcome = await fn();
      if (!outcome.ok) failure = outcome.why ?? "unexpected answer";
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const list = this.latencies.get(route) ?? [];
    list.push(this.clock() - started);
    this.latencies.set(route, list);
    const starts = this.starts.get(route) ?? [];
    starts.push(started - this.origin);
    this.starts.set(route, starts);
    if (failure) {
      this.errors.set(route, (this.errors.get(route) ?? 0) + 1);
      if (this.samples.length < 20) this.samples.push(`${route}: ${failure}`);
      return null;
    }
    return outcome!.value;
  }

  summary(): Record<string, RouteStats> {
    const out: Record<string, RouteStats> = {};
    for (const [route, list] of this.latencies) {
      const sorted = [...list].sort((a, b) => a - b);
      const at = (p: number) => percentile(sorted, p);
      out[route] = {
        count: sorted.length,
        errors: this.errors.get(route) ?? 0,
        p50: at(0.5),
        p95: at(0.95),
        p99: at(0.99),
        max: at(1),
      };
    }
    return out;
  }

  /**
   * The run in windows of `seconds`, from `fromMs` after the recorder was made (the sign-ins before it are left
   * out): shows whether a route's p95 comes from the whole run or from a moment of it (the start, the burst).
   */
  windows(seconds: number, fromMs = 0): Window[] {
    const out: Window[] = [];
    for (const [route, latencies] of this.latencies) {
      const starts = this.starts.get(route) ?? [];
      const byWindow = new Map<number, number[]>();
      starts.forEach((start, i) => {
        if (start < fromMs) return;
        const w = Math.floor((start - fromMs) / (seconds * 1000));
        const list = byWindow.get(w) ?? [];
        list.push(latencies[i]!);
        byWindow.set(w, list);
      });
      for (const [w, list] of byWindow) {
        out[w] ??= { fromSecond: w * seconds, routes: {} };
        out[w].routes[route] = {
          count: list.length,
          p95: percentile(
            list.sort((a, b) => a - b),
            0.95,
          ),
        };
      }
    }
    return Array.from(out, (w, i) => w ?? { fromSecond: i * seconds, routes: {} });
  }

  /** Milliseconds since the recorder was made: where the run proper starts. */
  now(): number {
    return this.clock() - this.origin;
  }

  totalErrors(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }
}
