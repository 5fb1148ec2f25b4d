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

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 100) / 100;
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
  // Warm-up: JIT, connection pools and the OS page cache, so the measured run sees a steady state.
  if (load.warmupSeconds > 0) await once(target, load, load.warmupSeconds);
  await target.reset?.();
  const latencies: number[] = [];
  const result = await once(target, load, load.seconds, latencies, load.amount);
  latencies.sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stat.count ?? 0;
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.total / result.duration),
    bytesPerSec: Math.round(result.throughput.mean),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
  };
}

export const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
