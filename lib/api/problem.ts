// Every error of /api/v1 is an RFC 9457 problem: application/problem+json with type, title, status and detail,
// and `errors` (z.flattenError's shape) for a request that failed its schema. The types are URNs: stable names
// a bank's code can branch on, listed with their meaning in the OpenAPI document.
export const PROBLEMS = {
  unauthorized: { status: 401, title: "Missing, unknown, expired or revoked API key" },
  "ip-not-allowed": { status: 403, title: "This key may not be used from this address" },
  "missing-scope": { status: 403, title: "This key lacks the scope this operation needs" },
  "not-found": { status: 404, title: "Not found" },
  "invalid-request": { status: 400, title: "The request does not match its schema" },
  duplicate: { status: 409, title: "The client already has an open verification" },
  refused: { status: 409, title: "The request was refused" },
  "rate-limited": { status: 429, title: "Too many requests for this key" },
  "markid-unavailable": { status: 502, title: "MarkID did not accept the request" },
} as const;
export type ProblemType = keyof typeof PROBLEMS;

export const problemTypeUri = (type: ProblemType) => `urn:markid-backoffice:problem:${type}`;

export type FieldErrors = { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };

const NO_STORE = { "Cache-Control": "no-store" } as const;

export function problem(
  type: ProblemType,
  detail: string,
  extra: { errors?: FieldErrors; headers?: Record<string, string> } = {},
): Response {
  const { status, title } = PROBLEMS[type];
  const body = {
    type: problemTypeUri(type),
    title,
    status,
    detail,
    ...(extra.errors && { errors: extra.errors }),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", ...NO_STORE, ...extra.headers },
  });
}

export const json = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });
