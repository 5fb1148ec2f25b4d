import "server-only";
import { recordAudits } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { errorSummary, getLogger } from "@/lib/log";
import {
  applyEvent,
  resolveVerification,
  type EventRow,
  type ProcessOutcome,
} from "@/lib/webhooks/process-event";
import { writeStaged, type VerificationState } from "@/lib/webhooks/verification-state";
import {
  candidatesByIds,
  dueCandidates,
  lockEvents,
  lockVerifications,
  markFailed,
  markProcessed,
  type Candidate,
  type EventResult,
} from "@/lib/webhooks/batch-sql";

// Stored webhooks are applied straight from webhook_events, a batch per transaction: one turn of the audit
// chain's lock and one commit for up to BATCH_SIZE events, where a job per event paid both each time.
//
// Locks, in the order docs/locking.md gives for every transaction: the batch's verification rows (ascending
// id), then its webhook_events rows, then whatever applying touches, and the audit chain's lock last, when the
// batch's audit events are written together. A staff action takes its verification first and the chain last
// too, so neither can hold what the other waits for.

export const BATCH_SIZE = 200;

type Mode = {
  /** Skip rows another transaction holds (the worker's loop) or wait for them (one event on request). */
  skipLocked: boolean;
  /** Each event in a savepoint, so a failing one is rolled back alone and recorded as failed. */
  careful: boolean;
};

export type BatchResult = {
  /** Events the batch found due, including those it left for later. */
  claimed: number;
  results: EventResult[];
};

class EventFailed extends Error {}

async function applyAll(
  tx: Tx,
  events: EventRow[],
  locked: Map<string, VerificationState>,
  careful: boolean,
) {
  const results: EventResult[] = [];
  for (const event of events) {
    const target = await resolveVerification(tx, event);
    const state = target === null ? null : locked.get(target);
    // Its verification changed since the candidates were read, and this batch does not hold its lock.
    if (state === undefined) continue;
    // What is staged is written before an event that writes the row itself, and outside its savepoint.
    if (state && event.kind !== "IDENTIFICATION") await writeStaged(tx, [state]);
    if (careful) await tx.$executeRawUnsafe("SAVEPOINT webhook_event");
    try {
      results.push({ id: event.id, applied: await applyEvent(tx, event, state) });
      if (careful) await tx.$executeRawUnsafe("RELEASE SAVEPOINT webhook_event");
    } catch (error) {
      if (!careful)
        throw new EventFailed("An event failed; the batch runs again event by event.", { cause: error });
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT webhook_event");
      results.push({ id: event.id, error });
    }
  }
  await writeStaged(tx, locked.values());
  return results;
}

async function runBatch(candidates: (tx: Tx) => Promise<Candidate[]>, mode: Mode): Promise<BatchResult> {
  return getDb().$transaction(
    async (tx) => {
      const found = await candidates(tx);
      if (found.length === 0) return { claimed: 0, results: [] };
      const targets = [...new Set(found.flatMap((c) => (c.verificationId ? [c.verificationId] : [])))];
      const locked = await lockVerifications(tx, targets, mode.skipLocked);
      const ready = found.filter((c) => c.verificationId === null || locked.has(c.verificationId));
      const events = await lockEvents(
        tx,
        ready.map((c) => c.id),
        mode.skipLocked,
      );
      const results = await applyAll(tx, events, locked, mode.careful);
      await markProcessed(tx, results);
      await markFailed(tx, results);
      await recordAudits(
        tx,
        results.flatMap((r) => ("applied" in r ? [r.applied.audit] : [])),
      );
      return { claimed: found.length, results };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/** Without savepoints while nothing fails (the cheap way); when an event fails, again with them. */
async function runBatchIsolatingFailures(candidates: (tx: Tx) => Promise<Candidate[]>, skipLocked: boolean) {
  try {
    return await runBatch(candidates, { skipLocked, careful: false });
  } catch (error) {
    if (!(error instanceof EventFailed)) throw error;
    return runBatch(candidates, { skipLocked, careful: true });
  }
}

function logResults(results: EventResult[], attempts: Map<string, number>): void {
  const log = getLogger("webhooks");
  for (const r of results) {
    const attempt = attempts.get(r.id) ?? 0;
    if ("applied" in r) log.info({ eventId: r.id, outcome: r.applied.outcome, attempt }, "webhook processed");
    else
      log.warn(
        { eventId: r.id, attempt, err: errorSummary(r.error) },
        "webhook processing failed; will retry",
      );
  }
}

/** Applies up to `limit` due events, oldest first; what the worker's loop runs. */
export async function processWebhookBatch(limit = BATCH_SIZE): Promise<BatchResult> {
  const attempts = new Map<string, number>();
  const result = await runBatchIsolatingFailures(async (tx) => {
    const due = await dueCandidates(tx, limit);
    for (const c of due) attempts.set(c.id, c.attempts);
    return due;
  }, true);
  logResults(result.results, attempts);
  return result;
}

/**
 * Applies one stored event now, waiting for its verification's lock if need be: "already-processed" when it
 * was applied before (or meanwhile), "missing" when there is no such event. A failure is recorded on the event
 * (retried later by the loop) and thrown.
 */
export async function processWebhookEvent(eventId: string): Promise<ProcessOutcome> {
  const row = await getDb().webhookEvent.findUnique({
    where: { id: eventId },
    select: { processedAt: true, attempts: true },
  });
  if (!row) return "missing";
  if (row.processedAt) return "already-processed";
  const { results } = await runBatchIsolatingFailures((tx) => candidatesByIds(tx, [eventId]), false);
  logResults(results, new Map([[eventId, row.attempts]]));
  const result = results[0];
  if (!result) return "already-processed";
  if ("error" in result) throw result.error;
  return result.applied.outcome;
}
