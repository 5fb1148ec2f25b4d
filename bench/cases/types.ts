import type { BenchConfig } from "../support/config";
import type { Measurement } from "../support/measure";

export type Check = { name: string; target: string; value: number | string | boolean; pass: boolean };

export type CaseResult = {
  name: string;
  /** What the app run measured, and what it is compared with. */
  app: Measurement;
  baseline: Measurement;
  baselineLabel: string;
  connections: number;
  /** app ÷ baseline: throughput (higher is better) and p95 latency (lower is better). */
  ratio: { rps: number; p95: number };
  checks: Check[];
  notes: string[];
  /** The webhook case's processing: how the stored burst was applied, against plain SQL doing the same. */
  drain?: DrainFigures;
};

type DrainFigures = {
  events: number;
  /** Unapplied when the burst ended. */
  unappliedAtEnd: number;
  /** From the burst's end until every event was applied (or the limit, when some were not). */
  seconds: number;
  /** Applied per second over those seconds; null when under a second's worth was left (no measure). */
  drainPerSecond: number | null;
  /** Every event over the time from the burst's start until the last was applied: bounded by the arrivals. */
  overallPerSecond: number;
  baselinePerSecond: number;
  /** Draining ÷ baseline, or overall ÷ baseline when nothing was left to drain. */
  ratio: number;
};

export type BenchContext = { config: BenchConfig; leadCookie: string };

export const check = (name: string, target: string, value: Check["value"], pass: boolean): Check => ({
  name,
  target,
  value,
  pass,
});
