// Turns whatever MarkID answered into a MarkIdError. MarkID may send 400 for every error or a "proper" status,
// so the identifier in the body decides first and the status code only when the body has none.
import { z } from "zod";
import {
  API_IDENTIFIERS,
  type ApiIdentifier,
  type MarkIdError,
  type MarkIdErrorIdentifier,
} from "@/lib/markid/types";

const OUT_OF_CREDITS = /token limit/i;
const NOT_EXPIRED = /has not expired/i;

const errorBody = z.looseObject({ identifier: z.string().min(1), message: z.string().nullish() });

const STAFF_MESSAGES: Record<MarkIdErrorIdentifier, string> = {
  UNAUTHORIZED: "MarkID rejected the API key and secret. Check MARKID_API_KEY and MARKID_API_SECRET.",
  BAD_VALUE: "MarkID rejected a value in the request.",
  MISSING_VALUE: "MarkID says a required value is missing from the request.",
  TOKEN_NOT_VALID:
    "The verification link has expired, was already used or does not exist. Start a new verification.",
  PERMISSIONS_ERROR:
    "The MarkID account is not allowed to do this. Ask MarkID support to enable the feature.",
  TOO_MANY_REQUESTS: "MarkID is limiting the number of requests. Wait a few minutes and try again.",
  JSON_ERROR:
    "MarkID could not read the request (JSON_ERROR). This is a fault in the back office; report it.",
  METHOD_NOT_ALLOWED: "MarkID refused the request method. This is a fault in the back office; report it.",
  PARTNER_ERROR: "MarkID refused the request for this account.",
  PARTNER_CONTRACT_ERROR: "The MarkID contract does not include this feature. Contact MarkID.",
  INTERNAL_ERROR: "MarkID had an internal error. Try again in a few minutes.",
  ENCODING_ERROR: "MarkID could not decode the request. This is a fault in the back office; report it.",
  VALIDATION_ERROR: "MarkID rejected a value in the request.",
  TIMEOUT: "MarkID did not answer in time. Try again in a few minutes.",
  NETWORK_ERROR: "The back office could not reach MarkID. Check MARKID_API_URL and the network.",
  INVALID_RESPONSE:
    "MarkID sent an answer the back office could not understand. Try again; report it if it persists.",
  UNKNOWN: "MarkID returned an unexpected error.",
};

const RETRYABLE = new Set<MarkIdErrorIdentifier>([
  "TOO_MANY_REQUESTS",
  "INTERNAL_ERROR",
  "TIMEOUT",
  "NETWORK_ERROR",
]);

// MarkID's own text is added where it names the bad field; it is cut short because it is shown on a page.
const WITH_API_MESSAGE = new Set<MarkIdErrorIdentifier>([
  "BAD_VALUE",
  "MISSING_VALUE",
  "VALIDATION_ERROR",
  "PARTNER_ERROR",
]);

export function makeError(
  identifier: MarkIdErrorIdentifier,
  status: number | null,
  extra: Partial<MarkIdError> = {},
): MarkIdError {
  return {
    identifier,
    message: STAFF_MESSAGES[identifier],
    status,
    retryable: RETRYABLE.has(identifier),
    ...extra,
  };
}

function byStatus(status: number): MarkIdErrorIdentifier {
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "PERMISSIONS_ERROR";
  if (status === 405) return "METHOD_NOT_ALLOWED";
  if (status === 429) return "TOO_MANY_REQUESTS";
  if (status >= 500) return "INTERNAL_ERROR";
  return "UNKNOWN";
}

function isApiIdentifier(value: string): value is ApiIdentifier {
  return (API_IDENTIFIERS as readonly string[]).includes(value);
}

/** Classifies a non-2xx answer from its status and (possibly non-JSON) body text. */
export function classifyErrorResponse(status: number, bodyText: string | null): MarkIdError {
  let parsed: z.infer<typeof errorBody> | undefined;
  try {
    const result = errorBody.safeParse(bodyText ? JSON.parse(bodyText) : undefined);
    if (result.success) parsed = result.data;
  } catch {
    parsed = undefined;
  }
  const apiMessage = parsed?.message ?? undefined;
  if (!parsed) return withStatusHint(makeError(byStatus(status), status));
  if (!isApiIdentifier(parsed.identifier)) {
    const fallback = byStatus(status);
    return withStatusHint(makeError(fallback, status, { apiIdentifier: parsed.identifier, apiMessage }));
  }
  const error = makeError(parsed.identifier, status, { apiMessage });
  if (parsed.identifier === "PERMISSIONS_ERROR" && apiMessage && OUT_OF_CREDITS.test(apiMessage)) {
    return {
      ...error,
      outOfCredits: true,
      message: "The MarkID account has run out of verification credits.",
    };
  }
  if (parsed.identifier === "PARTNER_ERROR" && apiMessage && NOT_EXPIRED.test(apiMessage)) {
    return {
      ...error,
      notExpired: true,
      message:
        "MarkID keeps the data while the verification link is still valid. Try again after it expires.",
    };
  }
  if (WITH_API_MESSAGE.has(parsed.identifier) && apiMessage) {
    return { ...error, message: `${error.message} MarkID said: ${truncate(apiMessage, 200)}` };
  }
  return error;
}

function withStatusHint(error: MarkIdError): MarkIdError {
  if (error.identifier !== "UNKNOWN" || error.status === null) return error;
  if (error.status === 404)
    return { ...error, message: "MarkID does not know this verification or address (HTTP 404)." };
  if (error.status === 409) {
    return { ...error, message: "MarkID already has an active verification for this client (HTTP 409)." };
  }
  return { ...error, message: `${error.message} (HTTP ${error.status})` };
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
