import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { enqueueRecordingsFetch } from "@/lib/recordings/enqueue";
import type { IdentificationWebhook, VideoCallFinishedWebhook } from "@/lib/markid";
import { normaliseDocumentNumber } from "@/lib/risk/document-number";
import { planIdentification, statusAfterCall, type VerificationSnapshot } from "@/lib/webhooks/status-map";
import { caseFacts, emitOutboundEvent } from "@/lib/outbound-webhooks/emit";

export type EventRef = { id: string; receivedAt: Date };
export type ApplyOutcome = "applied" | "ignored";
/** What applying did, and the audit event the caller writes with the rest of its batch, last (docs/locking.md). */
export type Applied = { outcome: ApplyOutcome; audit: AuditEntry };

/**
 * The verification as it is now. The batch (lib/webhooks/batch.ts) already holds its row lock, taken in the
 * documented order; FOR UPDATE again costs nothing then, and keeps a caller that has not locked it correct.
 */
async function lockVerification(tx: Tx, id: string): Promise<VerificationSnapshot | null> {
  const rows = await tx.$queryRaw<VerificationSnapshot[]>`
    SELECT v.status, v."markidFinalAt",
      EXISTS (SELECT 1 FROM decisions d WHERE d."verificationId" = v.id AND d.state = 'PENDING_SECOND_REVIEW')
        AS "decisionPending"
    FROM verifications v WHERE v.id = ${id}::uuid FOR UPDATE OF v`;
  return rows[0] ?? null;
}

export async function applyIdentification(
  tx: Tx,
  verificationId: string,
  result: IdentificationWebhook,
  event: EventRef,
): Promise<Applied> {
  const current = await lockVerification(tx, verificationId);
  if (!current) throw new Error("The verification disappeared while its webhook was processed.");
  const plan = planIdentification(current, {
    final: result.final,
    overall: result.overall,
    receivedAt: event.receivedAt,
  });
  // Of MarkID's document data only the number is kept, normalised, to notice the same document elsewhere.
  const documentNumber = normaliseDocumentNumber(result.data.docNumber);
  if (plan.apply) {
    await tx.verification.update({
      where: { id: verificationId },
      data: {
        markidStatus: plan.markidStatus,
        status: plan.status,
        ...(plan.markidFinalAt ? { markidFinalAt: plan.markidFinalAt } : {}),
        ...(documentNumber ? { documentNumber } : {}),
      },
    });
  }
  const audit: AuditEntry = {
    action: "webhook.identification_result",
    targetType: "verification",
    targetId: verificationId,
    details: {
      webhookEventId: event.id,
      final: result.final,
      markidStatus: result.overall,
      previousStatus: current.status,
      status: plan.apply ? plan.status : current.status,
      ...(plan.apply ? {} : { ignored: plan.reason }),
    },
  };
  return { outcome: plan.apply ? "applied" : "ignored", audit };
}

export async function applyVideoCallFinished(
  tx: Tx,
  verificationId: string,
  result: VideoCallFinishedWebhook,
  event: EventRef,
): Promise<Applied> {
  const current = await lockVerification(tx, verificationId);
  if (!current) throw new Error("The verification disappeared while its webhook was processed.");
  // The webhook does not say which call it is about; the newest one still waiting is the one that just ended.
  const call = await tx.videoCall.findFirst({
    where: { verificationId, outcome: "PENDING" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (call) {
    await tx.videoCall.update({
      where: { id: call.id },
      data: { outcome: result.success ? "SUCCEEDED" : "FAILED", finishedAt: result.at ?? event.receivedAt },
    });
  }
  const status = statusAfterCall(current);
  if (status !== current.status) {
    await tx.verification.update({ where: { id: verificationId }, data: { status } });
  }
  if (call) {
    const facts = await caseFacts(tx, verificationId);
    await emitOutboundEvent(tx, "call.finished", { ...facts, videoCallId: call.id, success: result.success });
  }
  // Even a failed call may have left recordings; the fetcher decides what is there.
  const recordingsJobId = await enqueueRecordingsFetch(verificationId, tx);
  const audit: AuditEntry = {
    action: "webhook.video_call_finished",
    targetType: "verification",
    targetId: verificationId,
    details: {
      webhookEventId: event.id,
      videoCallId: call?.id ?? null,
      success: result.success,
      previousStatus: current.status,
      status,
      recordingsFetchQueued: recordingsJobId !== null,
    },
  };
  return { outcome: "applied", audit };
}
