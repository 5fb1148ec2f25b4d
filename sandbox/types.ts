// Shapes shared across the sandbox modules.

export type SandboxOptions = {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  apiKey: string;
  apiSecret: string;
  signingKey: string;
  webhookUrl?: string;
  signatureHeader?: string;
  mediaTtlSeconds?: number;
  /** Base of every link the sandbox hands out; defaults to http://host:port. */
  publicUrl?: string;
  webhookRetries?: number;
  webhookRetryDelayMs?: number;
  /** The unauthenticated /__control HTTP API; on by default, turn off for anything reachable by others. */
  enableControlApi?: boolean;
};

export type ResolvedOptions = Required<Omit<SandboxOptions, "webhookUrl" | "publicUrl">> & {
  webhookUrl: string | null;
  publicUrl: string;
};

/**
 * ACTIVE: token minted, unused. IN_CALL: the call page was opened. CALL_FINISHED: recordings exist, the result is
 * pending (reported as REVIEWING). DONE: a result was sent. EXPIRED and DELETED end the verification.
 */
type Phase = "ACTIVE" | "IN_CALL" | "CALL_FINISHED" | "DONE" | "EXPIRED" | "DELETED";

export type ResultOverall = "APPROVED" | "DENIED" | "SUSPECTED";

export type Answers = Record<string, { answer: string; correct: boolean }>;

export type VerificationResult = {
  overall: ResultOverall | "EXPIRED";
  autoFace: string | null;
  autoDocument: string | null;
  manualFace: string | null;
  manualDocument: string | null;
  mismatchTags: string[];
  fraudTags: string[];
  finishTime: number;
};

export type MediaKind = "face" | "front" | "back" | "video";

export type Verification = {
  scanRef: string;
  authToken: string;
  clientId: string;
  tokenType: string;
  callbackUrl: string | null;
  externalRef: string | null;
  firstName: string | null;
  lastName: string | null;
  videoCallQuestions: string[];
  createdAtMs: number;
  expiryTime: number;
  sessionLength: number;
  /** The language the client's flow runs in, as the token asked (default en): tests read it back. */
  locale: string;
  phase: Phase;
  /** Phase before deletion, so /status can tell EXPIRED-DELETED from DELETED. */
  deletedFrom: Phase | null;
  call: {
    id: string;
    photos: boolean;
    startedAtMs: number | null;
    finishedAtMs: number | null;
    success: boolean | null;
  } | null;
  result: VerificationResult | null;
  media: Partial<Record<MediaKind, string>>;
};

type DeliveryAttempt = { atMs: number; status: number | null; error?: string };

export type Delivery = {
  id: string;
  kind: "IDENTIFICATION" | "VIDEO_CALL_FINISHED";
  scanRef: string;
  url: string | null;
  headerName: string;
  /** The exact bytes sent and signed. */
  body: string;
  signature: string;
  attempts: DeliveryAttempt[];
  outcome: "pending" | "delivered" | "failed" | "dropped" | "no-url";
  duplicateOf?: string;
  replayOf?: string;
};

export type RequestRecord = { method: string; path: string; status: number | null; atMs: number };
