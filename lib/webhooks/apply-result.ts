import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { enqueueRecordingsFetch } from "@/lib/recordings/enqueue";
import type { IdentificationWebhook, VideoCallFinishedWebhook } from "@/lib/markid";
import { normaliseDocumentNumber } from "@/lib/risk/document-number";
import { planIdentification, statusAfterCall } from "@/lib/webhooks/status-map";
import { stage, type VerificationState } from "@/lib/webhooks/verification-state";
import { caseFacts, emitOutboundEvent } from "@/lib/outbound-webhooks/emit";

export type EventRef = { id: string; receivedAt: Date };
export type ApplyOutcome = "applied" | "ignored";
/** What applying did, and the audit event the caller writes with the rest of its batch, last (docs/locking.md). */
export type Applied = { outcome: ApplyOutcome; audit: AuditEntry };

/** MarkID's identification result, staged in the batch's copy of the verification (written with the batch). */
export function applyIdentification(
  state: VerificationState,
  result: IdentificationWebhook,
  event: EventRef,
): Applied {
  const current = { ...state };
  const plan = planIdentification(current, {
    final: result.final,
    overall: result.overall,
    receivedAt: event.receivedAt,
  });
  // Of MarkID's document data only the number is kept, normalised, to notice the same document elsewhere.
  const documentNumber = normaliseDocumentNumber(result.data.docNumber);
  if (plan.apply) stage(state, { ...plan, documentNumber });
  const audit: AuditEntry = {
    action: "webhook.identification_result",
    targetType: "verification",
    targetId: state.id,
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

/**
 * A finished call: written at once (call, status, outbound event, recordings fetch). The caller has written
 * what the batch staged for this verification first, so what this reads of the row is current.
 */
export async function applyVideoCallFinished(
  tx: Tx,
  state: VerificationState,
  result: VideoCallFinishedWebhook,
  event: EventRef,
): Promise<Applied> {
  const verificationId = state.id;
  const current = { ...state };
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
  // Last, once nothing can fail any more: a failed event's savepoint is rolled back, and so must its change be.
  state.status = status;
  return { outcome: "applied", audit };
}
