// What the load test found: looked up in the database (nothing acknowledged may be missing), then written to
// bench/results/load-<date>.{json,md}.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "../support/config";
import { withClient } from "../../scripts/db/client";
import type { RouteStats, Window } from "./stats";

export type Decided = { id: string; by: string };

/** Acknowledged webhooks without a stored event, and decisions answered 200 without a row. */
export async function lostWork(databaseUrl: string, acked: Set<string>, decided: Decided[]) {
  return withClient(databaseUrl, async (client) => {
    const events = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_events WHERE "bodySha256" = ANY($1::text[])`,
      [[...acked]],
    );
    const decisions = await client.query<{ n: number }>(
      `SELECT count(DISTINCT "verificationId")::int AS n FROM decisions d
       JOIN unnest($1::uuid[], $2::uuid[]) AS x(v, by) ON d."verificationId" = x.v AND d."decidedById" = x.by`,
      [decided.map((d) => d.id), decided.map((d) => d.by)],
    );
    return {
      webhooks: acked.size - (events.rows[0]?.n ?? 0),
      decisions: decided.length - (decisions.rows[0]?.n ?? 0),
    };
  });
}

export type LoadReport = {
  startedAt: string;
  sessions: number;
  seconds: number;
  thinkMs: number;
  /** Unrecorded browsing before the clock started. */
  warmupSeconds: number;
  routes: Record<string, RouteStats>;
  /** p95 and count per route in each window of the run, from the sessions' start. */
  windows: Window[];
  windowSeconds: number;
  /** When the webhook burst started, in seconds from the sessions' start. */
  burstFromSecond: number;
  errors: number;
  lost: { webhooks: number; decisions: number };
  decisions: number;
  webhooks: { sent: number; distinctAcknowledged: number; gaveUp: number };
  queue: {
    left: number;
    perSecond: number;
    waitedSeconds: number;
    burst: { events: number; seconds: number; perSecond: number };
  };
  errorSamples: string[];
  passed: boolean;
};

function windowTable(r: LoadReport): string[] {
  const routes = Object.keys(r.routes);
  const burstWindow = Math.floor(r.burstFromSecond / r.windowSeconds);
  return [
    `p95 ms (requests) by ${r.windowSeconds}-second window from the sessions' start; the burst starts at ` +
      `${Math.round(r.burstFromSecond)} s:`,
    "",
    `| from s | ${routes.join(" | ")} |`,
    `|---|${routes.map(() => "---|").join("")}`,
    ...r.windows.map((w, i) => {
      const cells = routes.map((route) => {
        const s = w.routes[route];
        return s ? `${s.p95} (${s.count})` : "";
      });
      return `| ${w.fromSecond}${i === burstWindow ? " (burst)" : ""} | ${cells.join(" | ")} |`;
    }),
    "",
  ];
}

function markdown(r: LoadReport): string {
  return [
    `# Load test ${r.startedAt}`,
    "",
    `${r.sessions} staff sessions for ${r.seconds} s (think time ${r.thinkMs} ms ± 50%; each session's first page ` +
      `at a random point of its first ${(2 * r.thinkMs) / 1000} s; ${r.warmupSeconds} s of unrecorded warm-up ` +
      `before), ${r.webhooks.sent} webhooks in a burst. ${r.passed ? "Passed." : "**Failed.**"}`,
    "",
    "| route | requests | errors | p50 ms | p95 ms | p99 ms | max ms |",
    "|---|---|---|---|---|---|---|",
    ...Object.entries(r.routes).map(
      ([route, s]) => `| ${route} | ${s.count} | ${s.errors} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} |`,
    ),
    "",
    `- errors: ${r.errors} (target 0); lost webhooks: ${r.lost.webhooks}, lost decisions: ${r.lost.decisions} ` +
      `(target 0); decisions recorded: ${r.decisions}`,
    `- webhook events still unapplied ${r.queue.waitedSeconds} s after the run: ${r.queue.left} ` +
      `(the workers applied ${r.queue.perSecond}/s)`,
    `- during the burst the job workers applied its ${r.queue.burst.events} events in ${r.queue.burst.seconds} s ` +
      `from the first one's arrival to the last one applied: ${r.queue.burst.perSecond} events/s`,
    ...r.errorSamples.map((s) => `- error: ${s}`),
    "",
    ...windowTable(r),
  ].join("\n");
}

export async function writeLoadReport(report: LoadReport): Promise<string> {
  const base = path.join(ROOT, "bench/results", `load-${report.startedAt.slice(0, 16).replace(":", "")}`);
  await mkdir(path.dirname(base), { recursive: true });
  await writeFile(`${base}.json`, JSON.stringify(report, null, 2) + "\n");
  await writeFile(`${base}.md`, markdown(report));
  return base;
}
