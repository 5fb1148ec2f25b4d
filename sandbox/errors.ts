// MarkID-style error answers. MarkID documents 400 for every error; iDenfy's newer docs use "proper" codes.
// The sandbox sends 400 unless told to use the semantic codes, so clients are tested against both.

export type ErrorStatusMode = "always-400" | "semantic";

type ApiErrorIdentifier =
  | "UNAUTHORIZED"
  | "BAD_VALUE"
  | "MISSING_VALUE"
  | "TOKEN_NOT_VALID"
  | "PERMISSIONS_ERROR"
  | "TOO_MANY_REQUESTS"
  | "JSON_ERROR"
  | "METHOD_NOT_ALLOWED"
  | "PARTNER_ERROR"
  | "PARTNER_CONTRACT_ERROR"
  | "INTERNAL_ERROR"
  | "ENCODING_ERROR"
  | "VALIDATION_ERROR";

export type ApiError = {
  identifier: ApiErrorIdentifier | (string & {});
  message: string;
  /** Status used in "semantic" mode; "always-400" mode sends 400 instead. */
  semanticStatus: number;
};

const DOCUMENTATION_URL = "https://documentation.markid.eu/";

const SEMANTIC: Record<string, number> = {
  UNAUTHORIZED: 401,
  PERMISSIONS_ERROR: 403,
  PARTNER_CONTRACT_ERROR: 403,
  METHOD_NOT_ALLOWED: 405,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
};

export function apiError(
  identifier: ApiError["identifier"],
  message: string,
  semanticStatus?: number,
): ApiError {
  return { identifier, message, semanticStatus: semanticStatus ?? SEMANTIC[identifier] ?? 400 };
}

export function errorBody(error: ApiError): string {
  return JSON.stringify({
    message: error.message,
    identifier: error.identifier,
    documentation: DOCUMENTATION_URL,
    severity: "NOT_SEVERE",
  });
}

export function errorStatus(error: ApiError, mode: ErrorStatusMode): number {
  return mode === "semantic" ? error.semanticStatus : 400;
}

export const errors = {
  unauthorized: () => apiError("UNAUTHORIZED", "Invalid API key or secret."),
  methodNotAllowed: (method: string) => apiError("METHOD_NOT_ALLOWED", `Method "${method}" not allowed.`),
  json: () => apiError("JSON_ERROR", "Request body is not valid JSON."),
  missing: (field: string) => apiError("MISSING_VALUE", `Field '${field}' is required.`),
  bad: (field: string, why: string) => apiError("BAD_VALUE", `Field '${field}' ${why}.`),
  tokenNotValid: () =>
    apiError("TOKEN_NOT_VALID", "Token is not valid: it has expired, was used or was deleted."),
  outOfCredits: () => apiError("PERMISSIONS_ERROR", "Partner reached token limit."),
  notExpired: () => apiError("PARTNER_ERROR", "Token has not expired yet."),
  rateLimited: () => apiError("TOO_MANY_REQUESTS", "Request was throttled. Too many requests.", 429),
  internal: () => apiError("INTERNAL_ERROR", "Internal server error.", 500),
};
