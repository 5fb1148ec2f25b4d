// bench/results/<date>.json (everything) and <date>.md (the table a person reads).
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { LighthouseResult } from "../cases/lighthouse";
import type { CaseResult } from "../cases/types";
import { ROOT } from "./config";
import type { DatasetReport } from "./database";

export type Environment = {
  cores: number;
  loadAverageAtStart: number[];
  node: string;
  postgres: string;
  smallScale: boolean;
  /** The app's WEB_CONCURRENCY; every baseline is one process. */
  webProcesses: number;
};

export type BenchReport = {
  startedAt: string;
  environment: Environment;
  dataset: DatasetReport;
  buildSeconds: number;
  totalSeconds: number;
  cases: CaseResult[];
  lighthouse: LighthouseResult[];
  passed: boolean;
};

export function environment(postgres: string, verifications: number, webProcesses: number): Environment {
  return {
    cores: os.cpus().length,
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
    node: process.version,
    postgres,
    smallScale: verifications < 1_000_000,
    webProcesses,
  };
}

const cell = (value: number | string | boolean) => String(value).replace(/\|/g, "\\|");

function drainTable(cases: CaseResult[]): string[] {
  const drained = cases.flatMap((c) => (c.drain ? [{ name: c.name, d: c.drain }] : []));
  if (drained.length === 0) return [];
  return [
    "| case | events | unapplied at burst end | drained in s | app applied/s draining | app applied/s burst start → all applied | baseline applied/s | ratio |",
    "|---|---|---|---|---|---|---|---|",
    ...drained.map(
      ({ name, d }) =>
        `| ${name} | ${d.events} | ${d.unappliedAtEnd} | ${d.seconds} | ${d.drainPerSecond ?? "kept up"} | ` +
        `${d.overallPerSecond} | ${d.baselinePerSecond} | ${d.ratio} |`,
    ),
    "",
  ];
}

function lighthouseSection(results: LighthouseResult[]): string[] {
  if (!results.length) return [];
  return [
    `What the browser sees: Lighthouse, ${results[0]!.preset} preset, as the signed-in lead, median of ` +
      `${Math.max(...results.map((r) => r.runs.length))} runs (each run's performance / accessibility in the last column).`,
    "",
    "| page | performance | accessibility | LCP ms | TBT ms | runs |",
    "|---|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| ${r.name} (\`${r.path.replace(/[0-9a-f-]{36}/, "<id>")}\`) | ${r.median.performance} | ` +
        `${r.median.accessibility} | ${r.median.lcpMs} | ${r.median.tbtMs} | ` +
        `${r.runs.map((run) => `${run.performance}/${run.accessibility}`).join(", ")} |`,
    ),
    "",
  ];
}

function markdown(report: BenchReport): string {
  const checked = [...report.cases, ...report.lighthouse];
  const { environment: env, dataset } = report;
  const lines = [
    `# Benchmark ${report.startedAt}`,
    "",
    env.smallScale
      ? `**Small scale** (${dataset.verifications} verifications): a harness check, not a result.`
      : `Full scale: ${dataset.verifications} verifications, ${dataset.auditEvents} audit events.`,
    "",
    `${env.cores} cores, load average at start ${env.loadAverageAtStart.join(" / ")}, Node ${env.node}, ` +
      `the app in ${env.webProcesses} web process${env.webProcesses === 1 ? "" : "es"} (WEB_CONCURRENCY; ` +
      `each baseline in one), ` +
      `${env.postgres}. Dataset ${dataset.reused ? "reused" : "generated"} ` +
      `(${JSON.stringify(dataset.seconds)}), build ${report.buildSeconds} s, total ${report.totalSeconds} s ` +
      `(${report.totalSeconds <= 900 ? "within" : "**over**"} the 15-minute budget).`,
    "",
    "| case | conns | app rps | app p50 / p95 / p99 ms | baseline rps | baseline p95 ms | rps ratio | p95 ratio |",
    "|---|---|---|---|---|---|---|---|",
    ...report.cases.map(
      (c) =>
        `| ${c.name} | ${c.connections} | ${c.app.rps} | ${c.app.p50} / ${c.app.p95} / ${c.app.p99} | ` +
        `${c.baseline.rps} | ${c.baseline.p95} | ${c.ratio.rps} | ${c.ratio.p95} |`,
    ),
    "",
    ...drainTable(report.cases),
    ...lighthouseSection(report.lighthouse),
    "| case | check | target | value | |",
    "|---|---|---|---|---|",
    ...checked.flatMap((c) =>
      c.checks.map(
        (k) =>
          `| ${c.name} | ${cell(k.name)} | ${cell(k.target)} | ${cell(k.value)} | ${k.pass ? "pass" : "FAIL"} |`,
      ),
    ),
    "",
    ...(report.cases.length
      ? ["Baselines:", ...report.cases.map((c) => `- ${c.name}: ${c.baselineLabel}`)]
      : []),
    "",
    ...checked.flatMap((c) => c.notes.map((n) => `- ${c.name}: ${n}`)),
    "",
  ];
  return lines.join("\n");
}

export async function writeReport(report: BenchReport, dir = "bench/results"): Promise<string> {
  const stamp = report.startedAt.slice(0, 16).replace(":", "");
  const base = path.join(ROOT, dir, stamp);
  await mkdir(path.dirname(base), { recursive: true });
  await writeFile(`${base}.json`, JSON.stringify(report, null, 2) + "\n");
  await writeFile(`${base}.md`, markdown(report));
  return base;
}
