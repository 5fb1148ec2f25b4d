// (b) Webhook intake and processing: a burst of BENCH_WEBHOOK_BURST fresh, correctly signed identifications for
// verifications of the dataset, against bare node:http doing the same HMAC check and an insert-or-nothing into a
// copy of the table. Every 2xx is then looked up by body hash (none may be missing); the app's job workers,
// running in the same process, must apply every stored event within BENCH_DRAIN_SECONDS of the burst's end,
// and their pace while draining is compared with plain SQL making the same updates (baselines/apply-sql.ts).
import type autocannon from "autocannon";
import { applyAsPlainSql } from "../baselines/apply-sql";
import { startBaseline } from "../baselines/launch";
import { BENCH_SECRETS } from "../support/config";
import { withClient } from "../../scripts/db/client";
import { measure, ratio, type Load } from "../support/measure";
import { drainWebhooks } from "../support/queue";
import { datasetScanRef, identificationBody, sha256, sign, SIGNATURE_HEADER } from "../support/webhook-body";
import { check, type BenchContext, type CaseResult } from "./types";

const CONNECTIONS = Number(process.env.BENCH_WEBHOOK_CONNECTIONS ?? 16);
const BURST = Number(process.env.BENCH_WEBHOOK_BURST ?? 10_000);
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

/** Unapplied events of any run: the warm-up's, or what an earlier run left. */
async function unappliedAll(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_events WHERE "processedAt" IS NULL AND attempts = 0`,
    );
    return rows[0]?.n ?? 0;
  });
}

/** Before the measured burst: the warm-up's events applied, so the drain that follows is the burst's alone. */
async function settle(databaseUrl: string): Promise<void> {
  const deadline = Date.now() + DRAIN_SECONDS * 1000;
  while ((await unappliedAll(databaseUrl)) > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Removes the events the workers have not reached: otherwise the following benchmarks, and a load test on the
 * reused dataset, would run beside (and queue behind) thousands of leftover events.
 */
async function dropBacklog(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) =>
    client.query(`DELETE FROM webhook_events WHERE "processedAt" IS NULL`),
  );
}

export async function benchWebhook(ctx: BenchContext): Promise<CaseResult> {
  const { config } = ctx;
  const load: Load = {
    connections: CONNECTIONS,
    seconds: config.seconds,
    warmupSeconds: config.warmupSeconds,
    amount: BURST,
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
    console.log(`webhook: app, a burst of ${BURST}…`);
    const app = await measure(
      {
        url: `${config.baseUrl}/api/webhooks/markid`,
        requests: signedRequests(config.verifications, appAcked),
        reset: async () => {
          await settle(config.databaseUrl);
          appAcked.clear();
        },
      },
      load,
    );
    console.log("webhook: waiting for the workers to apply the burst…");
    const drain = await drainWebhooks(config.databaseUrl, appAcked, DRAIN_SECONDS);
    const appLost = await missing(config.databaseUrl, "webhook_events", appAcked);
    await dropBacklog(config.databaseUrl);
    console.log("webhook: baseline…");
    const base = await measure(
      {
        url: baseline.url,
        requests: signedRequests(config.verifications, baseAcked),
        reset: () => baseAcked.clear(),
      },
      load,
    );
    const baseLost = await missing(config.databaseUrl, BASELINE_TABLE, baseAcked);
    console.log("webhook: processing baseline (plain SQL)…");
    const plain = await applyAsPlainSql(config.databaseUrl, BASELINE_TABLE, baseAcked);
    const rps = ratio(app.rps, base.rps);
    // Less than a second's worth left at the end: the workers kept up, and the drain measures nothing.
    const drained = drain.first >= drain.perSecond && drain.seconds >= 1;
    const burstSeconds = app.requests / Math.max(1, app.rps);
    const overall = Math.round(appAcked.size / (burstSeconds + drain.seconds));
    const applyRatio = ratio(drained ? drain.perSecond : overall, plain.perSecond);
    return {
      name: "webhook intake",
      app,
      baseline: base,
      baselineLabel:
        "node:http: HMAC check + INSERT … ON CONFLICT DO NOTHING; processing: plain SQL over pg, one event per " +
        "transaction (the verification's status update, the event marked processed)",
      connections: CONNECTIONS,
      ratio: { rps, p95: ratio(app.p95, base.p95) },
      drain: {
        events: appAcked.size,
        unappliedAtEnd: drain.first,
        seconds: drain.seconds,
        drainPerSecond: drained ? drain.perSecond : null,
        overallPerSecond: overall,
        baselinePerSecond: plain.perSecond,
        ratio: applyRatio,
      },
      checks: [
        check("throughput ÷ bare node:http", "≥ 0.5", rps, rps >= 0.5),
        check("burst sent", String(BURST), app.requests, app.requests === BURST),
        check("non-2xx + errors", "0", app.non2xx + app.errors, app.non2xx + app.errors === 0),
        check("acknowledged but not stored", "0", appLost, appLost === 0),
        check(`stored but unapplied ${DRAIN_SECONDS} s after the burst`, "0", drain.left, drain.left === 0),
      ],
      notes: [
        `${appAcked.size} events acknowledged by the app (baseline: ${baseAcked.size}, lost ${baseLost}).`,
        `The burst took ${Math.round(burstSeconds * 10) / 10} s; ${drain.first} events were unapplied at its ` +
          `end; ` +
          (drain.left === 0
            ? `all applied ${drain.seconds} s later.`
            : `${drain.left} still unapplied after ${drain.seconds} s.`) +
          (drained
            ? ` Draining, the workers applied ${drain.perSecond} events/s.`
            : " The workers kept up with the burst: the rate from its start until all were applied " +
              `(${overall} events/s) is the arrival rate, a lower bound of what they can apply.`),
        `Plain SQL applied the baseline's ${plain.events} events at ${plain.perSecond} events/s ` +
          `(${plain.seconds} s); app ÷ plain SQL: ${applyRatio}` +
          (drained ? " (draining)." : " (lower bound: the app's rate was the arrival rate)."),
      ],
    };
  } finally {
    await baseline.stop();
  }
}
