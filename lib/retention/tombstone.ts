import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { AuditDetails } from "@/lib/audit/actions";
import type { Tx } from "@/lib/db";
import { emitOutboundEvent } from "@/lib/outbound-webhooks/emit";

/** A purged verification's client ID: unique, so no duplicate check or risk signal ever matches on it. */
const purgedClientId = (verificationId: string) => `purged:${verificationId}`;

// What the tombstone clears, by table: the client's personal data, and free text staff wrote about the client.
// Ids, dates, statuses, outcomes and reasons stay, so metrics count the case and the audit chain still resolves.
const CLEARED_FIELDS = [
  "verification.firstName",
  "verification.lastName",
  "verification.email",
  "verification.phone",
  "verification.clientId",
  "verification.externalRef",
  "verification.documentNumber",
  "verification.authToken",
  "webhook_events.body",
  "link_deliveries.target",
  "link_deliveries.recipient",
  "notes.body",
  "decisions.comment",
  "checklist_answers.note",
  "qa_samples.comment",
  "webhook_deliveries.clientId",
  "media_assets",
] as const;

export type DeletionReceipt = AuditDetails<"retention.purged"> & { purgedAt: string };

/**
 * Replaces the verification's personal data by a tombstone and writes the deletion receipt, once: a second
 * call finds the purge complete and does nothing. Runs after the files and MarkID's copy are gone.
 */
export async function tombstone(tx: Tx, verificationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM verifications WHERE id = ${verificationId}::uuid FOR UPDATE`;
  const purge = await tx.verificationPurge.findUniqueOrThrow({ where: { verificationId } });
  if (purge.completedAt) return;
  if (!purge.filesDeletedAt || !purge.markidDeletedAt) throw new Error("Purge steps are not complete");
  const where = { verificationId };
  await tx.verification.update({
    where: { id: verificationId },
    data: {
      firstName: null,
      lastName: null,
      email: null,
      phone: null,
      externalRef: null,
      documentNumber: null,
      authTokenSealed: null,
      clientId: purgedClientId(verificationId),
      // What every page reads to show "deleted" (lib/verifications/purged.ts), never the tombstone's text.
      purgedAt: new Date(),
    },
  });
  await tx.webhookEvent.updateMany({ where, data: { bodySealed: "" } });
  await tx.linkDelivery.updateMany({ where, data: { targetUrlSealed: "", recipient: null } });
  await tx.verificationNote.updateMany({ where, data: { body: "" } });
  await tx.decision.updateMany({ where, data: { comment: null, reviewComment: null } });
  await tx.checklistAnswer.updateMany({ where, data: { note: null } });
  await tx.qaSample.updateMany({ where, data: { comment: null } });
  await tx.mediaAsset.deleteMany({ where });
  // Events already sent to the bank's systems carried the client ID and reference: their stored copies lose them.
  await tx.$executeRaw`
    UPDATE webhook_deliveries
    SET body = jsonb_set(jsonb_set(body::jsonb, '{data,clientId}', 'null'), '{data,externalRef}', 'null')::text
    WHERE "verificationId" = ${verificationId}::uuid AND body::jsonb->'data' ? 'clientId'`;
  const now = new Date();
  const details: AuditDetails<"retention.purged"> = {
    policyVersion: purge.policyVersion,
    retentionClass: purge.retentionClass,
    dueAt: purge.dueAt.toISOString(),
    files: purge.files as AuditDetails<"retention.purged">["files"],
    markid: { scanRefDeletedAt: purge.markidDeletedAt.toISOString(), attempts: purge.markidAttempts },
    fieldsCleared: [...CLEARED_FIELDS],
  };
  const receipt: DeletionReceipt = { ...details, purgedAt: now.toISOString() };
  await tx.verificationPurge.update({ where, data: { completedAt: now, receipt } });
  await emitOutboundEvent(tx, "verification.purged", { verificationId, purgedAt: receipt.purgedAt });
  await recordAudit(tx, {
    action: "retention.purged",
    targetType: "verification",
    targetId: verificationId,
    details,
  });
}
