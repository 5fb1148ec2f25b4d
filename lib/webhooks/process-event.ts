import "server-only";
import { openWebhookBody } from "@/lib/auth/markid-secrets";
import type { AuditEntry } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { parseWebhook } from "@/lib/markid";
import type { WebhookKind } from "@/lib/generated/prisma/enums";
import type { VerificationState } from "@/lib/webhooks/verification-state";
import {
  applyIdentification,
  applyVideoCallFinished,
  type ApplyOutcome,
  type EventRef,
} from "@/lib/webhooks/apply-result";

export type ProcessOutcome = ApplyOutcome | "unmatched" | "already-processed" | "missing";

export type EventRow = EventRef & {
  bodySha256: string;
  bodySealed: string;
  kind: WebhookKind;
  scanRef: string | null;
  verificationId: string | null;
  attempts: number;
};

/** One event applied: what it did, the verification it now belongs to, the audit event to write. */
export type EventApplied = {
  outcome: Exclude<ProcessOutcome, "already-processed" | "missing">;
  verificationId: string | null;
  audit: AuditEntry;
};

/** The verification may have been created after the event was stored, so the scanRef is looked up again. */
export async function resolveVerification(tx: Tx, event: EventRow): Promise<string | null> {
  if (event.verificationId) return event.verificationId;
  if (!event.scanRef) return null;
  const found = await tx.verification.findUnique({ where: { scanRef: event.scanRef }, select: { id: true } });
  return found?.id ?? null;
}

/**
 * Applies one locked event to its verification (locked by the batch; null when no verification has the
 * event's scanRef). Throws when the event cannot be applied, so that it fails visibly (processError) instead
 * of being dropped as unmatched.
 */
export async function applyEvent(
  tx: Tx,
  event: EventRow,
  verification: VerificationState | null,
): Promise<EventApplied> {
  const body = openWebhookBody(event);
  if (body === null) throw new Error("The stored webhook body does not open with this server's key.");
  const parsed = parseWebhook(JSON.parse(body) as unknown);
  if (parsed.kind === "UNKNOWN" || !verification) {
    // Nothing of ours to change; the audit trail still shows that MarkID sent something we could not place.
    return {
      outcome: "unmatched",
      verificationId: null,
      audit: {
        action: "webhook.unmatched",
        targetType: "webhook_event",
        targetId: event.id,
        details: { kind: parsed.kind, scanRef: event.scanRef },
      },
    };
  }
  const applied =
    parsed.kind === "IDENTIFICATION"
      ? applyIdentification(verification, parsed, event)
      : await applyVideoCallFinished(tx, verification, parsed, event);
  return { ...applied, verificationId: verification.id };
}
