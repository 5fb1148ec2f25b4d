import "server-only";
import { apiKeyActor, auditedCommitAs } from "@/lib/audit/commit";
import type { ApiContext } from "@/lib/audit/types";
import { getDb } from "@/lib/db";
import { getLogger } from "@/lib/log";
import { metaFrom } from "@/lib/request-meta";
import { apiKeyMatches, apiKeyPrefix } from "@/lib/api/key-secret";
import { ipAllowed } from "@/lib/api/ip-allowlist";
import { API_OPERATIONS } from "@/lib/api/operations";
import { problem, type ProblemType } from "@/lib/api/problem";
import { countApiCall } from "@/lib/api/rate-limit";
import type { ApiScope } from "@/lib/api/scopes";

export type ApiAuthorization = { ok: true; ctx: ApiContext } | { ok: false; response: Response };

const unauthorized = (detail: string): ApiAuthorization => ({
  ok: false,
  response: problem("unauthorized", detail, { headers: { "WWW-Authenticate": 'Bearer realm="api"' } }),
});

/**
 * The first statement of every /api/v1 handler but the OpenAPI document: the key from `Authorization: Bearer`,
 * found by its prefix and compared by hash in constant time; not revoked or expired; then the call is counted
 * against the key's rate limit (429 beyond it); then the address and the scope, whose refusals are audited as
 * the key. A session cookie is not a credential here. Unknown, expired and revoked keys are not audited: there
 * is no key to name, or its holder may no longer act, and nothing counts their calls.
 */
export async function authorizeApiKey(request: Request, scope: ApiScope): Promise<ApiAuthorization> {
  const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const prefix = apiKeyPrefix(presented);
  if (!prefix) return unauthorized("Send an API key as `Authorization: Bearer mbo_…`.");
  const key = await getDb().apiKey.findUnique({ where: { prefix } });
  if (!key || !apiKeyMatches(presented, key.secretHash)) return unauthorized("This API key is not known.");
  // Said plainly only to whoever holds the key itself.
  if (key.revokedAt) return unauthorized("This API key was revoked.");
  if (key.expiresAt && key.expiresAt <= new Date()) return unauthorized("This API key has expired.");
  const rate = await countApiCall(key.id);
  if (!rate.ok) {
    getLogger("api").warn({ apiKeyId: key.id }, "api key rate limited");
    const headers = { "Retry-After": String(rate.retryAfterSeconds) };
    const detail = `At most ${key.rateLimitPerMinute} calls a minute with this key. Try again in ${rate.retryAfterSeconds} s.`;
    return { ok: false, response: problem("rate-limited", detail, { headers }) };
  }
  const meta = metaFrom((name) => request.headers.get(name));
  const ctx: ApiContext = {
    apiKey: { id: key.id, prefix: key.prefix, scopes: key.scopes },
    meta,
    commit: auditedCommitAs({ actorId: null, actorEmail: apiKeyActor(key.prefix), ...meta }),
  };
  if (!ipAllowed(meta.ip, key.ipAllowlist)) {
    const detail = "This key's IP allowlist does not include this address.";
    return { ok: false, response: await refuse(ctx, request, "ip-not-allowed", detail, { scope }) };
  }
  if (!key.scopes.includes(scope)) {
    const detail = `This operation needs the scope ${scope}.`;
    return { ok: false, response: await refuse(ctx, request, "missing-scope", detail, { scope }) };
  }
  return { ok: true, ctx };
}

/**
 * Every refusal after the key check is audited as the key, with the problem's type and the operation, and
 * answered as problem+json: together with the events of what succeeded, every counted call is in the trail.
 */
export async function refuse(
  ctx: ApiContext,
  request: Request,
  type: ProblemType,
  detail: string,
  extra: Parameters<typeof problem>[2] & { scope?: ApiScope } = {},
): Promise<Response> {
  const { scope, ...rest } = extra;
  const details = { reason: type, operation: operationOf(request), ...(scope && { scope }) };
  await ctx.commit(async () => ({
    value: null,
    audit: { action: "api.refused", targetType: "api_key", targetId: ctx.apiKey.id, details },
  }));
  return problem(type, detail, rest);
}

// The path's own words, from the documented operations; any other segment is the caller's text.
const KNOWN_SEGMENTS = new Set(API_OPERATIONS.flatMap((op) => op.path.split("/")));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The operation as the trail keeps it: the method and the path with ids, but nothing else a caller typed there
 * (a client ID in place of an id would otherwise reach the trail, which holds no personal data).
 */
function operationOf(request: Request): string {
  const segments = new URL(request.url).pathname
    .split("/")
    .map((s) => (KNOWN_SEGMENTS.has(s) || UUID.test(s) ? s : "{other}"));
  return `${request.method} ${segments.join("/")}`;
}

/** Whether the key may also see decisions in a read's answer. */
export const mayReadDecisions = (ctx: ApiContext) => ctx.apiKey.scopes.includes("decision:read");
