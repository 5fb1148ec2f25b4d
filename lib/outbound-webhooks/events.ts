// The events a bank's systems can subscribe to, and what each carries: ids and states, the client ID and the
// bank's own reference at most; never recordings, names, emails or phone numbers.
export const OUTBOUND_EVENTS = {
  "verification.created": "Verification created",
  "call.finished": "Video call finished",
  "recordings.archived": "Recordings archived",
  "decision.recorded": "Decision recorded",
  "decision.confirmed": "Decision confirmed (four-eyes)",
  "verification.purged": "Verification purged (retention)",
} as const;
export type OutboundEvent = keyof typeof OUTBOUND_EVENTS;
export const OUTBOUND_EVENT_TYPES = Object.keys(OUTBOUND_EVENTS) as OutboundEvent[];

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
