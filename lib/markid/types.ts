// Shapes shared by the MarkID client and its callers. API errors are values, never exceptions, so a page can
// always show staff what went wrong.

/** Identifiers MarkID documents, plus the ones this client produces when no usable answer came back. */
export const API_IDENTIFIERS = [
  "UNAUTHORIZED",
  "BAD_VALUE",
  "MISSING_VALUE",
  "TOKEN_NOT_VALID",
  "PERMISSIONS_ERROR",
  "TOO_MANY_REQUESTS",
  "JSON_ERROR",
  "METHOD_NOT_ALLOWED",
  "PARTNER_ERROR",
  "PARTNER_CONTRACT_ERROR",
  "INTERNAL_ERROR",
  "ENCODING_ERROR",
  "VALIDATION_ERROR",
] as const;
// Raised by this client itself, never sent by MarkID.
type ClientIdentifier = "TIMEOUT" | "NETWORK_ERROR" | "INVALID_RESPONSE" | "UNKNOWN";

export type ApiIdentifier = (typeof API_IDENTIFIERS)[number];
export type MarkIdErrorIdentifier = ApiIdentifier | ClientIdentifier;

export type MarkIdError = {
  identifier: MarkIdErrorIdentifier;
  /** Written for compliance staff: what happened and what to do. */
  message: string;
  /** HTTP status, or null when no response arrived (timeout, network, client-side validation). */
  status: number | null;
  /** True when the same request may succeed later (rate limit, outage, timeout). */
  retryable: boolean;
  /** PERMISSIONS_ERROR "Partner reached token limit." looks like an auth problem but means no credits left. */
  outOfCredits?: boolean;
  /** PARTNER_ERROR "Token has not expired yet." on /delete: MarkID keeps the data while the link is valid. */
  notExpired?: boolean;
  /** MarkID's own identifier when it is one this client does not know (identifier is then UNKNOWN). */
  apiIdentifier?: string;
  /** MarkID's own message text, kept for support tickets. */
  apiMessage?: string;
  /** How many HTTP attempts were made (retries included). */
  attempts?: number;
  /** A create that timed out or lost its connection may still have reached MarkID (said in the message). */
  mayHaveHappened?: boolean;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: MarkIdError };

type KnownStatus =
  | "APPROVED"
  | "DENIED"
  | "SUSPECTED"
  | "REVIEWING"
  | "ACTIVE"
  | "EXPIRED"
  | "EXPIRED-DELETED"
  | "DELETED"
  | "ARCHIVED";
/** A status MarkID may add later stays readable text instead of breaking parsing. */
export type VerificationStatus = KnownStatus | (string & {});

export const TOKEN_TYPES = ["VIDEO_CALL", "VIDEO_CALL_PHOTOS"] as const;
type VideoTokenType = (typeof TOKEN_TYPES)[number];

export type CreateTokenInput = {
  clientId: string;
  tokenType: VideoTokenType;
  firstName?: string;
  lastName?: string;
  externalRef?: string;
  expiryTime?: number;
  sessionLength?: number;
  locale?: string;
  callbackUrl?: string;
  videoCallQuestions?: string[];
};

export type Token = {
  scanRef: string;
  authToken: string;
  clientId: string;
  /** Seconds; null only if MarkID left it out of the echo. */
  expiryTime: number | null;
  sessionLength: number | null;
  tokenType: string;
  redirectUrl: string;
};

export type VideoCall = { url: string };

export type VideoCallRecord = {
  photos: { VIDEO_CALL_FACE?: string; VIDEO_CALL_FRONT?: string; VIDEO_CALL_BACK?: string };
  videos: string[];
};

export type VerificationStatusReport = {
  status: VerificationStatus;
  scanRef: string;
  clientId: string | null;
  autoFace?: string | null;
  autoDocument?: string | null;
  manualFace?: string | null;
  manualDocument?: string | null;
  fraudTags: string[];
  mismatchTags: string[];
};

type MarkIdLogger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
};

export type RetryConfig = { attempts: number; baseDelayMs: number; maxDelayMs?: number };

export type MarkIdClientConfig = {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  retry?: RetryConfig;
  /** Responses larger than this are refused (default 2 MB). */
  maxResponseBytes?: number;
  logger?: MarkIdLogger;
};
