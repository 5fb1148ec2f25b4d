import "server-only";
import { fromPrisma } from "pg-boss";
import { getDb } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { errorSummary, getLogger } from "@/lib/log";
import { forgetProcessWide, peekProcessWide, processWide } from "@/lib/singleton";

// The intake writes one row and nothing else, so that answering MarkID costs one statement. This relay turns
// stored events into processing jobs (transactional outbox): a batch per transaction, marked as it is queued.
// Every process with job workers runs it; SKIP LOCKED keeps two of them off the same rows.

const BATCH = 200;
const IDLE_POLL_MS = 1_000;

/** Queues a processing job for up to `limit` stored events that have none yet; resolves to how many. */
export async function relayWebhookEvents(limit = BATCH): Promise<number> {
  // Started outside the transaction so that installing pg-boss never holds a pooled connection.
  const boss = await getBoss();
  return getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM webhook_events WHERE "enqueuedAt" IS NULL
      ORDER BY "receivedAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return 0;
    // The event's id is the job's id: a job that already exists is left as it is.
    await boss.insert(
      QUEUES.webhookProcess,
      rows.map(({ id }) => ({ id, data: { eventId: id } })),
      { db: fromPrisma(tx) },
    );
    await tx.$executeRaw`
      UPDATE webhook_events SET "enqueuedAt" = now() AT TIME ZONE 'UTC' WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`;
    return rows.length;
  });
}

// pending: an event was stored while the relay was busy; it runs again instead of sleeping.
type RelayState = { wake?: () => void; running: boolean; pending: boolean };

// Process-wide: the app server's webhook path and Next's bundle load this module separately.
const KEY = "webhook-relay";

/** Tells this process's relay that an event was stored, so it runs now rather than at its next poll. */
export function wakeWebhookRelay(): void {
  const state = peekProcessWide<RelayState>(KEY);
  if (!state) return;
  state.pending = true;
  state.wake?.();
}

/** Runs the relay until stopWebhookRelay(): at once when woken, back to back while batches come back full. */
export function startWebhookRelay(): void {
  if (peekProcessWide<RelayState>(KEY)) return;
  const state = processWide<RelayState>(KEY, () => ({ running: true, pending: false }));
  const log = getLogger("webhooks");
  void (async () => {
    while (state.running) {
      let relayed = 0;
      state.pending = false;
      try {
        relayed = await relayWebhookEvents();
      } catch (error) {
        log.warn({ err: errorSummary(error) }, "webhook relay failed; will retry");
      }
      if (relayed === BATCH || state.pending || !state.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, IDLE_POLL_MS);
        state.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      state.wake = undefined;
    }
  })();
}

export function stopWebhookRelay(): void {
  const state = forgetProcessWide<RelayState>(KEY);
  if (!state) return;
  state.running = false;
  state.wake?.();
}
