import "server-only";
import type { Job, JobResult } from "pg-boss";
import { recordAudit } from "@/lib/audit/record";
import { openWebhookBody } from "@/lib/auth/markid-secrets";
import { getDb, type Tx } from "@/lib/db";
import type { JobData } from "@/lib/jobs/queues";
import { errorSummary, getLogger } from "@/lib/log";
import { parseWebhook } from "@/lib/markid";
import {
  applyIdentification,
  applyVideoCallFinished,
  type ApplyOutcome,
  type EventRef,
} from "@/lib/webhooks/apply-result";

export type ProcessOutcome = ApplyOutcome | "unmatched" | "already-processed" | "missing";

type EventRow = EventRef & {
  bodySha256: string;
  bodySealed: string;
  scanRef: string | null;
  verificationId: string | null;
  processedAt: Date | null;
};

async function lockEvent(tx: Tx, id: string): Promise<EventRow | null> {
  const rows = await tx.$queryRaw<EventRow[]>`
    SELECT id, "bodySha256", "bodySealed", "scanRef", "verificationId", "processedAt", "receivedAt"
    FROM webhook_events WHERE id = ${id}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** The verification may have been created after the event was stored, so the scanRef is looked up again. */
async function resolveVerification(tx: Tx, event: EventRow): Promise<string | null> {
  if (event.verificationId) return event.verificationId;
  if (!event.scanRef) return null;
  const found = await tx.verification.findUnique({ where: { scanRef: event.scanRef }, select: { id: true } });
  return found?.id ?? null;
}

async function applyEvent(
  tx: Tx,
  event: EventRow,
): Promise<{ outcome: ProcessOutcome; verificationId: string | null }> {
  const body = openWebhookBody(event);
  // Thrown, so the job fails visibly (processError) instead of the event being dropped as unmatched.
  if (body === null) throw new Error("The stored webhook body does not open with this server's key.");
  const parsed = parseWebhook(JSON.parse(body) as unknown);
  const verificationId = parsed.kind === "UNKNOWN" ? null : await resolveVerification(tx, event);
  if (parsed.kind === "UNKNOWN" || !verificationId) {
    // Nothing of ours to change; the audit trail still shows that MarkID sent something we could not place.
    await recordAudit(tx, {
      action: "webhook.unmatched",
      targetType: "webhook_event",
      targetId: event.id,
      details: { kind: parsed.kind, scanRef: event.scanRef },
    });
    return { outcome: "unmatched", verificationId: null };
  }
  const outcome =
    parsed.kind === "IDENTIFICATION"
      ? await applyIdentification(tx, verificationId, parsed, event)
      : await applyVideoCallFinished(tx, verificationId, parsed, event);
  return { outcome, verificationId };
}

/** Applies one stored webhook exactly once: the event row is locked and marked processed in one transaction. */
export async function processWebhookEvent(eventId: string): Promise<ProcessOutcome> {
  return getDb().$transaction(
    async (tx) => {
      const event = await lockEvent(tx, eventId);
      if (!event) return "missing";
      if (event.processedAt) return "already-processed";
      const { outcome, verificationId } = await applyEvent(tx, event);
      await tx.webhookEvent.update({
        where: { id: event.id },
        data: {
          processedAt: new Date(),
          processError: null,
          ...(verificationId ? { verificationId, unknownScanRef: false } : {}),
        },
      });
      return outcome;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

// A batch shares one expiry (60 s, lib/jobs/queues.ts); one event's transaction may take 40 s (10 s waiting
// for a connection, 30 s running), so no event starts after 15 s.
const BATCH_BUDGET_MS = 15_000;

/**
 * pg-boss handler for webhooks.process, a batch at a time with one result per job: a failure is written on its
 * event and fails that job alone, which pg-boss retries with backoff while the rest of the batch completes.
 */
export async function handleWebhookJobs(
  jobs: Job<JobData["webhooks.process"]>[],
  budgetMs = BATCH_BUDGET_MS,
): Promise<JobResult[]> {
  const log = getLogger("webhooks");
  const results: JobResult[] = [];
  const deadline = Date.now() + budgetMs;
  for (const job of jobs) {
    const { eventId } = job.data;
    // Handed back unstarted rather than run past the batch's shared expiry, which would fail them all.
    if (Date.now() > deadline) {
      results.push({ id: job.id, status: "failed", output: { error: "Batch time budget spent; retried." } });
      continue;
    }
    try {
      const outcome = await processWebhookEvent(eventId);
      log.info({ eventId, outcome, attempt: job.retryCount }, "webhook processed");
      results.push({ id: job.id, status: "completed", output: { outcome } });
    } catch (error) {
      const summary = errorSummary(error);
      const processError = `${summary.name}: ${summary.message}`;
      log.warn({ eventId, attempt: job.retryCount, err: summary }, "webhook processing failed; will retry");
      await getDb()
        .webhookEvent.update({ where: { id: eventId }, data: { processError } })
        .catch(() => {});
      results.push({ id: job.id, status: "failed", output: { error: processError } });
    }
  }
  return results;
}
