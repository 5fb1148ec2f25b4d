import "server-only";
import { apiKeyActor, auditedCommitAs } from "@/lib/audit/commit";
import type { ApiContext } from "@/lib/audit/types";
import { getDb } from "@/lib/db";
import { getLogger } from "@/lib/log";
import { metaFrom } from "@/lib/request-meta";
import { apiKeyMatches, apiKeyPrefix } from "@/lib/api/key-secret";
import { ipAllowed } from "@/lib/api/ip-allowlist";
import { problem } from "@/lib/api/problem";
import { countApiCall } from "@/lib/api/rate-limit";
import type { ApiScope } from "@/lib/api/scopes";

export type ApiAuthorization = { ok: true; ctx: ApiContext } | { ok: false; response: Response };

const refused = (detail: string): ApiAuthorization => ({
  ok: false,
  response: problem("unauthorized", detail, { headers: { "WWW-Authenticate": 'Bearer realm="api"' } }),
});

/**
 * The first statement of every /api/v1 handler but the OpenAPI document: the key from `Authorization: Bearer`,
 * found by its prefix and compared by hash in constant time; not revoked or expired; then the call is counted
 * against the key's rate limit (429 beyond it); then the address and the scope, whose refusals are audited as
 * the key. A session cookie is not a credential here.
 */
export async function authorizeApiKey(request: Request, scope: ApiScope): Promise<ApiAuthorization> {
  const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const prefix = apiKeyPrefix(presented);
  if (!prefix) return refused("Send an API key as `Authorization: Bearer mbo_…`.");
  const key = await getDb().apiKey.findUnique({ where: { prefix } });
  if (!key || !apiKeyMatches(presented, key.secretHash)) return refused("This API key is not known.");
  // Said plainly only to whoever holds the key itself.
  if (key.revokedAt) return refused("This API key was revoked.");
  if (key.expiresAt && key.expiresAt <= new Date()) return refused("This API key has expired.");
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
  const operation = `${request.method} ${new URL(request.url).pathname}`;
  if (!ipAllowed(meta.ip, key.ipAllowlist)) {
    await auditRefusal(ctx, { reason: "ip_not_allowed", scope, operation });
    return {
      ok: false,
      response: problem("ip-not-allowed", "This key's IP allowlist does not include this address."),
    };
  }
  if (!key.scopes.includes(scope)) {
    await auditRefusal(ctx, { reason: "missing_scope", scope, operation });
    return { ok: false, response: problem("missing-scope", `This operation needs the scope ${scope}.`) };
  }
  return { ok: true, ctx };
}

async function auditRefusal(
  ctx: ApiContext,
  details: { reason: "ip_not_allowed" | "missing_scope"; scope: string; operation: string },
): Promise<void> {
  await ctx.commit(async () => ({
    value: null,
    audit: { action: "api.refused", targetType: "api_key", targetId: ctx.apiKey.id, details },
  }));
}

/** Whether the key may also see decisions in a read's answer. */
export const mayReadDecisions = (ctx: ApiContext) => ctx.apiKey.scopes.includes("decision:read");
