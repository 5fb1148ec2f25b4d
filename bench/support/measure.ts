// One autocannon run, reduced to the numbers the report needs. Latencies are kept per response so that p95
// is exact (autocannon's own histogram stops at p90 and p97.5).
import autocannon from "autocannon";

export type Target = {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Per-request hooks, e.g. a unique signed body for every webhook. */
  requests?: autocannon.Request[];
  /** Called between warm-up and measurement, to zero whatever the hooks count (awaited). */
  reset?: () => void | Promise<void>;
};

export type Measurement = {
  requests: number;
  rps: number;
  bytesPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
};

/** With `amount`, the measured run sends exactly that many requests (a burst) instead of lasting `seconds`. */
export type Load = { connections: number; seconds: number; warmupSeconds: number; amount?: number };

/** The nearest-rank value at `fraction` (0–1) of ascending `sorted`; 0 when empty. */
export function rankValue(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1))]!;
}

/** Percentile `p` (0–100) of ascending `sorted`, to a hundredth. */
export function percentile(sorted: number[], p: number): number {
  return Math.round(rankValue(sorted, p / 100) * 100) / 100;
}

function once(target: Target, load: Load, seconds: number, latencies?: number[], amount?: number) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const options: autocannon.Options = {
      url: target.url,
      method: target.method ?? "GET",
      headers: target.headers,
      body: target.body,
      requests: target.requests,
      connections: load.connections,
      ...(amount ? { amount } : { duration: seconds }),
      timeout: 30,
    };
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (latencies) {
      instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    }
  });
}

export async function measure(target: Target, load: Load): Promise<Measurement> {
  const [measurement] = await measureInTurns([target], load, 1);
  return measurement!;
}

/**
 * Targets measured in turns: `rounds` rounds, and in each, target after target, a warm-up run then a measured run
 * of `seconds / rounds` (whole seconds); each target's measured runs pooled. Whatever else the two cores are doing
 * drifts over a minute (the other web process's job workers, PostgreSQL's background writer, the page cache);
 * measured in turns, a drift falls on the app and its baseline alike rather than on whichever happened to run
 * second. Each round warms its target up again: a server idle while the others ran starts its round slower
 * (in 2-second rounds without it, every target lost a fifth of its throughput).
 */
export async function measureInTurns(targets: Target[], load: Load, rounds: number): Promise<Measurement[]> {
  if (load.amount && rounds > 1) throw new Error("A burst (amount) is sent once: measure it in one round");
  if (rounds > 1 && targets.some((t) => t.reset)) {
    throw new Error("A target that counts its requests (reset) is measured in one round");
  }
  const pooled = targets.map(() => ({ latencies: [] as number[], results: [] as autocannon.Result[] }));
  // Whole seconds: autocannon stops a run at its next one-second sample, so 10 / 3 s would run 4.
  const roundSeconds = Math.max(1, Math.round(load.seconds / rounds));
  const warmupSeconds = load.warmupSeconds > 0 ? Math.max(1, Math.round(load.warmupSeconds / rounds)) : 0;
  for (let round = 0; round < rounds; round++) {
    for (const [i, target] of targets.entries()) {
      // JIT, connection pools and the OS page cache, so the measured run sees a steady state.
      if (warmupSeconds > 0) await once(target, load, warmupSeconds);
      await target.reset?.();
      const into = pooled[i]!;
      into.results.push(await once(target, load, roundSeconds, into.latencies, load.amount));
    }
  }
  return pooled.map(({ latencies, results }) => summarise(latencies, results));
}

function summarise(latencies: number[], results: autocannon.Result[]): Measurement {
  latencies.sort((a, b) => a - b);
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((total, r) => total + f(r), 0);
  const requests = sum((r) => r.requests.total);
  const duration = sum((r) => r.duration);
  const statuses: Record<string, number> = {};
  for (const result of results) {
    for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
      statuses[code] = (statuses[code] ?? 0) + (stat.count ?? 0);
    }
  }
  return {
    requests,
    rps: Math.round(requests / duration),
    bytesPerSec: Math.round(sum((r) => r.throughput.mean * r.duration) / duration),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    statuses,
  };
}

export const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
