import "server-only";
import type { Tx } from "@/lib/db";
import { errorSummary } from "@/lib/log";
import type { EventApplied, EventRow } from "@/lib/webhooks/process-event";
import type { VerificationState } from "@/lib/webhooks/verification-state";

// The batch's statements (lib/webhooks/batch.ts), in the order it runs them. Timestamps are written as
// `now() AT TIME ZONE 'UTC'`: the columns hold UTC without a zone, as Prisma writes them.

/** A failed event is retried 5 s, 10 s, 20 s … later (at most 10 minutes), and given up after this many. */
export const MAX_ATTEMPTS = 10;

export type Candidate = { id: string; verificationId: string | null; attempts: number };

/** One event of a batch: applied, or failed with this error (its changes rolled back). */
export type EventResult = { id: string } & ({ applied: EventApplied } | { error: unknown });

// No lock yet: the verification an event will change is known first, so that its row is locked before the
// event's (docs/locking.md). An event stored before its verification existed is matched by scanRef here.
const CANDIDATE_COLUMNS = `e.id, COALESCE(e."verificationId", v.id) AS "verificationId", e.attempts`;

/** Unapplied events due now, oldest first; a failed one only once its retry time has come. */
export function dueCandidates(tx: Tx, limit: number): Promise<Candidate[]> {
  return tx.$queryRawUnsafe<Candidate[]>(
    `SELECT ${CANDIDATE_COLUMNS} FROM webhook_events e
     LEFT JOIN verifications v ON e."verificationId" IS NULL AND v."scanRef" = e."scanRef"
     WHERE e."processedAt" IS NULL AND e.attempts < $1
       AND (e."retryAt" IS NULL OR e."retryAt" <= now() AT TIME ZONE 'UTC')
     ORDER BY e."receivedAt", e.id LIMIT $2`,
    MAX_ATTEMPTS,
    limit,
  );
}

/** These unapplied events, whatever their retry time: processing one on request. */
export function candidatesByIds(tx: Tx, ids: string[]): Promise<Candidate[]> {
  return tx.$queryRawUnsafe<Candidate[]>(
    `SELECT ${CANDIDATE_COLUMNS} FROM webhook_events e
     LEFT JOIN verifications v ON e."verificationId" IS NULL AND v."scanRef" = e."scanRef"
     WHERE e.id = ANY($1::uuid[]) AND e."processedAt" IS NULL ORDER BY e."receivedAt", e.id`,
    ids,
  );
}

/**
 * LOCK ORDER, step 1 (docs/locking.md): verification rows, ascending id. With skipLocked, one that a staff
 * action or another worker holds is left out, and its events wait for a later batch.
 */
export async function lockVerifications(
  tx: Tx,
  ids: string[],
  skipLocked: boolean,
): Promise<Map<string, VerificationState>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<Array<Omit<VerificationState, "pending">>>(
    `SELECT v.id, v.status, v."markidFinalAt",
       EXISTS (SELECT 1 FROM decisions d WHERE d."verificationId" = v.id AND d.state = 'PENDING_SECOND_REVIEW')
         AS "decisionPending"
     FROM verifications v WHERE v.id = ANY($1::uuid[]) ORDER BY v.id FOR UPDATE OF v${skipLocked ? " SKIP LOCKED" : ""}`,
    ids,
  );
  return new Map(rows.map((row) => [row.id, { ...row, pending: null }]));
}

/** LOCK ORDER, step 2: the events, oldest first; one already applied meanwhile is left out. */
export async function lockEvents(tx: Tx, ids: string[], skipLocked: boolean): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const columns = `id, "bodySha256", "bodySealed", kind, "scanRef", "verificationId", "receivedAt", attempts`;
  const where = `WHERE id = ANY($1::uuid[]) AND "processedAt" IS NULL ORDER BY "receivedAt", id`;
  return tx.$queryRawUnsafe<EventRow[]>(
    `SELECT ${columns} FROM webhook_events ${where} FOR UPDATE${skipLocked ? " SKIP LOCKED" : ""}`,
    ids,
  );
}

/** The applied events, in one statement; each now names the verification it was applied to. */
export async function markProcessed(tx: Tx, results: EventResult[]): Promise<void> {
  const applied = results.flatMap((r) => ("applied" in r ? [r] : []));
  if (applied.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE webhook_events e SET "processedAt" = now() AT TIME ZONE 'UTC', "processError" = NULL,
       "retryAt" = NULL, "verificationId" = COALESCE(x.vid, e."verificationId"),
       "unknownScanRef" = CASE WHEN x.vid IS NULL THEN e."unknownScanRef" ELSE false END
     FROM unnest($1::uuid[], $2::uuid[]) AS x(id, vid) WHERE e.id = x.id`,
    applied.map((r) => r.id),
    applied.map((r) => r.applied.verificationId),
  );
}

/** The failed events: the error's name and message (never a body), one more attempt, the next try's time. */
export async function markFailed(tx: Tx, results: EventResult[]): Promise<void> {
  const failed = results.flatMap((r) => ("error" in r ? [{ id: r.id, error: errorSummary(r.error) }] : []));
  if (failed.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE webhook_events e SET attempts = e.attempts + 1, "processError" = x.error,
       "retryAt" = now() AT TIME ZONE 'UTC' + make_interval(secs => least(600, 5 * 2 ^ e.attempts))
     FROM unnest($1::uuid[], $2::text[]) AS x(id, error) WHERE e.id = x.id`,
    failed.map((f) => f.id),
    failed.map((f) => `${f.error.name}: ${f.error.message}`),
  );
}
