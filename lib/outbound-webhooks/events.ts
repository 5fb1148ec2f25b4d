// The events a bank's systems can subscribe to, and what each carries: ids and states, the client ID and the
// bank's own reference at most; never recordings, names, emails or phone numbers.
// Admins read each event's description in their language: messages/<language>.json, webhooksOut.form.event.
export const OUTBOUND_EVENT_TYPES = [
  "verification.created",
  "call.finished",
  "recordings.archived",
  "decision.recorded",
  "decision.confirmed",
  "verification.purged",
] as const;
export type OutboundEvent = (typeof OUTBOUND_EVENT_TYPES)[number];

type Case = {
  verificationId: string;
  scanRef: string;
  clientId: string;
  externalRef: string | null;
  status: string;
};
type Decision = { id: string; outcome: string; state: string; reason: string };

export type OutboundData = {
  "verification.created": Case;
  "call.finished": Case & { videoCallId: string; success: boolean };
  "recordings.archived": Case & { files: number };
  "decision.recorded": Case & { decision: Decision };
  "decision.confirmed": Case & { decision: Decision };
  // After a purge the client ID is gone too: the id and the date are all that is left to say.
  "verification.purged": { verificationId: string; purgedAt: string };
};
