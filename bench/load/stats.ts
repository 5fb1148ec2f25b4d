// Latency and errors per route for the load test: every request is timed and judged where it is made.

export type RouteStats = {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

export class Recorder {
  private readonly latencies = new Map<string, number[]>();
  private readonly errors = new Map<string, number>();
  /** The first few failures, so a report says what went wrong and not only how often. */
  readonly samples: string[] = [];

  /** Times `fn`; a thrown error or a false result counts as an error of `route`. */
  async time<T>(
    route: string,
    fn: () => Promise<{ ok: boolean; value: T; why?: string }>,
  ): Promise<T | null> {
    const started = performance.now();
    let outcome: { ok: boolean; value: T; why?: string } | null = null;
    let failure = "";
    try {
      outcome = await fn();
      if (!outcome.ok) failure = outcome.why ?? "unexpected answer";
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const list = this.latencies.get(route) ?? [];
    list.push(performance.now() - started);
    this.latencies.set(route, list);
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
      const at = (p: number) => {
        const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
        return Math.round(value * 10) / 10;
      };
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

  totalErrors(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }
}
