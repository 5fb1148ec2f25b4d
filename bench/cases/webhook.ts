// (b) Webhook intake: every request a fresh, correctly signed identification for a verification of the
// dataset, against bare node:http doing the same HMAC check and an insert-or-nothing into a copy of the table.
// Every 2xx is then looked up by body hash (none may be missing), and the app's queue must drain.
import type autocannon from "autocannon";
import { startBaseline } from "../baselines/launch";
import { BENCH_SECRETS } from "../support/config";
import { withClient } from "../../scripts/db/client";
import { measure, ratio, type Load } from "../support/measure";
import { drainWebhooks } from "../support/queue";
import { datasetScanRef, identificationBody, sha256, sign, SIGNATURE_HEADER } from "../support/webhook-body";
import { check, type BenchContext, type CaseResult } from "./types";

const CONNECTIONS = Number(process.env.BENCH_WEBHOOK_CONNECTIONS ?? 16);
const DRAIN_SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 60);
const BASELINE_TABLE = "bench_webhook_events";

type Sent = { sha?: string };

/** Unique signed bodies, and the hashes of those answered 2xx: what the sender may forget. */
function signedRequests(verifications: number, acked: Set<string>): autocannon.Request[] {
  // Starts from the clock so that a rerun on a reused dataset sends bodies never seen before.
  let nonce = Date.now();
  return [
    {
      method: "POST",
      setupRequest: (request, context) => {
        nonce++;
        const scanRef = datasetScanRef(1 + (nonce % verifications));
        const body = identificationBody({ scanRef, final: false, overall: "APPROVED", nonce });
        (context as Sent).sha = sha256(body);
        const headers = {
          "content-type": "application/json",
          [SIGNATURE_HEADER.toLowerCase()]: sign(body, BENCH_SECRETS.MARKID_WEBHOOK_SIGNING_KEY),
        };
        return { ...request, body, headers };
      },
      onResponse: (status, _body, context) => {
        const { sha } = context as Sent;
        if (status >= 200 && status < 300 && sha) acked.add(sha);
      },
    },
  ];
}

async function missing(databaseUrl: string, table: string, acked: Set<string>): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE "bodySha256" = ANY($1::text[])`,
      [[...acked]],
    );
    return acked.size - (rows[0]?.n ?? 0);
  });
}

/**
 * Removes the events the workers have not reached, and their jobs: otherwise the following benchmarks, and a
 * load test on the reused dataset, would run beside (and queue behind) thousands of leftover jobs.
 */
async function dropBacklog(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query(`DELETE FROM pgboss.job WHERE name = 'webhooks.process' AND state = 'created'`);
    await client.query(`DELETE FROM webhook_events e WHERE "processedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = 'webhooks.process' AND j.id = e.id)`);
  });
}

export async function benchWebhook(ctx: BenchContext): Promise<CaseResult> {
  const { config } = ctx;
  const load: Load = {
    connections: CONNECTIONS,
    seconds: config.seconds,
    warmupSeconds: config.warmupSeconds,
  };
  await withClient(config.databaseUrl, (client) =>
    client.query(`CREATE TABLE IF NOT EXISTS ${BASELINE_TABLE} (LIKE webhook_events INCLUDING ALL)`),
  );
  const baseline = await startBaseline({
    kind: "webhook",
    databaseUrl: config.databaseUrl,
    signingKey: BENCH_SECRETS.MARKID_WEBHOOK_SIGNING_KEY,
    table: BASELINE_TABLE,
  });
  const appAcked = new Set<string>();
  const baseAcked = new Set<string>();
  try {
    console.log("webhook: app…");
    const app = await measure(
      {
        url: `${config.baseUrl}/api/webhooks/markid`,
        requests: signedRequests(config.verifications, appAcked),
      },
      load,
    );
    const appLost = await missing(config.databaseUrl, "webhook_events", appAcked);
    console.log("webhook: waiting for the queue to drain…");
    const queue = await drainWebhooks(config.databaseUrl, appAcked, DRAIN_SECONDS);
    await dropBacklog(config.databaseUrl);
    console.log("webhook: baseline…");
    const base = await measure(
      { url: baseline.url, requests: signedRequests(config.verifications, baseAcked) },
      load,
    );
    const baseLost = await missing(config.databaseUrl, BASELINE_TABLE, baseAcked);
    const rps = ratio(app.rps, base.rps);
    return {
      name: "webhook intake",
      app,
      baseline: base,
      baselineLabel: "node:http: HMAC check + INSERT … ON CONFLICT DO NOTHING",
      connections: CONNECTIONS,
      ratio: { rps, p95: ratio(app.p95, base.p95) },
      checks: [
        check("throughput ÷ bare node:http", "≥ 0.5", rps, rps >= 0.5),
        check("non-2xx + errors", "0", app.non2xx + app.errors, app.non2xx + app.errors === 0),
        check("acknowledged but not stored", "0", appLost, appLost === 0),
        check(`stored but unprocessed after ${DRAIN_SECONDS} s`, "0", queue.left, queue.left === 0),
      ],
      notes: [
        `${appAcked.size} events acknowledged by the app (baseline: ${baseAcked.size}, lost ${baseLost}).`,
        `While the queue drained, the job workers applied ${queue.perSecond} events/s.`,
      ],
    };
  } finally {
    await baseline.stop();
  }
}
