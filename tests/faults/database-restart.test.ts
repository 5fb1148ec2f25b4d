// PostgreSQL stops and starts again while MarkID is delivering webhooks. The server must answer 503 (so MarkID
// retries) rather than fail or lie, every delivery it acknowledged with a 2xx must be stored, and
// the app must carry on by itself once the database is back, processing every event.
import { createHmac, createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "@/scripts/db/embedded";
import { applyMigrations } from "@/scripts/db/migrations";
import { startAppServer, type RunningAppServer } from "../support/app-server";

// Small on purpose: the test is about the outage, not volume.
const DELIVERIES = 48;
const LANES = 4;

let dir: string;
let port: number;
let postgres: RunningPostgres;
let server: RunningAppServer;
let app: { db: ReturnType<typeof import("@/lib/db").getDb>; stopWorkers: (ms?: number) => Promise<void> };

const start = () => startEmbeddedPostgres({ dir, port, persistent: true });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "mbo-faults-pg-"));
  port = await freePort();
  postgres = await start();
  const admin = new pg.Client({ connectionString: postgres.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE faults");
  await admin.end();
  await applyMigrations(postgres.url("faults"));
  // Before any app module reads the environment: this file's app talks to this database only.
  process.env.DATABASE_URL = postgres.url("faults");
  server = await startAppServer();
  const [{ getDb }, { startWorkers, stopWorkers }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/jobs/workers"),
  ]);
  app = { db: getDb(), stopWorkers };
  await startWorkers();
});

afterAll(async () => {
  await server?.close();
  await app?.stopWorkers(1_000).catch(() => undefined);
  await app?.db.$disconnect().catch(() => undefined);
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
});

type Traffic = { acked: Set<string>; statuses: Map<number, number>; ackedCount: () => number };

function body(i: number): string {
  return JSON.stringify({ scanRef: `restart-${i}`, final: false, status: { overall: "APPROVED" }, nonce: i });
}

/** One delivery, repeated until a 2xx as MarkID would, recording every status seen. */
async function deliver(text: string, traffic: Traffic): Promise<void> {
  const signature = createHmac("sha256", process.env.MARKID_WEBHOOK_SIGNING_KEY!).update(text).digest("hex");
  for (;;) {
    const { status } = await fetch(`${server.base}/api/webhooks/markid`, {
      method: "POST",
      headers: { "content-type": "application/json", "Idenfy-Signature": signature },
      body: text,
    });
    traffic.statuses.set(status, (traffic.statuses.get(status) ?? 0) + 1);
    if (status >= 200 && status < 300) {
      traffic.acked.add(createHash("sha256").update(text).digest("hex"));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the database restarting during webhook traffic", () => {
  it(
    "loses no acknowledged event, answers 503 meanwhile, and recovers on its own",
    { timeout: 360_000 },
    async () => {
      const traffic: Traffic = {
        acked: new Set(),
        statuses: new Map(),
        ackedCount: () => traffic.acked.size,
      };
      const lanes = Array.from({ length: LANES }, async (_, lane) => {
        for (let i = lane; i < DELIVERIES; i += LANES) await deliver(body(i), traffic);
      });
      const all = Promise.all(lanes);

      // Each step waits for an event, never for a duration: some traffic stored, then refusals seen.
      await vi.waitFor(() => expect(traffic.ackedCount()).toBeGreaterThanOrEqual(12), { timeout: 60_000 });
      await postgres.stop();
      const refusedBefore = traffic.statuses.get(503) ?? 0;
      await vi.waitFor(
        () => expect(traffic.statuses.get(503) ?? 0).toBeGreaterThanOrEqual(refusedBefore + 5),
        {
          timeout: 60_000,
        },
      );
      postgres = await start();
      await all;

      expect([...traffic.statuses.keys()].sort()).toEqual([200, 503]);
      expect(traffic.acked.size).toBe(DELIVERIES);
      const events = await app.db.webhookEvent.findMany({ select: { id: true, bodySha256: true } });
      expect(new Set(events.map((e) => e.bodySha256))).toEqual(traffic.acked);
      expect(events).toHaveLength(DELIVERIES);

      // The job workers' loop was running through the outage; without a restart of the app it finishes the work:
      // a batch cut off by the outage rolled back whole, and the loop tries again every two seconds.
      await vi.waitFor(
        async () => expect(await app.db.webhookEvent.count({ where: { processedAt: null } })).toBe(0),
        { timeout: 240_000, interval: 250 },
      );
      // Applied once each: one audit event per stored event.
      const audited = await app.db.$queryRaw<Array<{ n: number }>>`
        SELECT count(DISTINCT "targetId")::int AS n FROM audit_events WHERE action LIKE 'webhook.%'`;
      const audits = await app.db.auditEvent.count({ where: { action: { startsWith: "webhook." } } });
      expect([audited[0]?.n, audits]).toEqual([DELIVERIES, DELIVERIES]);
    },
  );
});
