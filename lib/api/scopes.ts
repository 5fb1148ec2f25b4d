// What an API key may do (lib/api). One `as const` table: the form, the check and the OpenAPI document read it.
export const API_SCOPES = {
  "verification:create": "Create verifications and send their client links",
  "verification:read": "Read verifications, their status and links, and the changes feed",
  "decision:read": "Also read decisions (outcome, reason, state) in those answers",
} as const;
export type ApiScope = keyof typeof API_SCOPES;
export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScope[];
