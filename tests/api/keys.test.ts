// API keys over real HTTP: only the hash is stored, scopes, expiry, revocation, the IP allowlist and the
// per-key rate limit counted in PostgreSQL (two app servers share it), each refusal a problem+json, and the
// calls that pass the key check audited as the key.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { problemOf, startApi, startApiServer, type ApiHarness } from "./support";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});

const MISSING = "/api/v1/verifications/00000000-0000-4000-8000-000000000000";
const prefixOf = (key: string) => key.slice(4, 12);

/** Every row of every table of ours whose text holds `needle`: the audit trail, the keys, all of them. */
async function tablesHolding(needle: string): Promise<string[]> {
  const tables = await api.db.$queryRaw<Array<{ name: string }>>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`;
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = await api.db.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "${name}" t WHERE t::text LIKE $1`,
      `%${needle}%`,
    );
    if (rows[0]!.n > 0) found.push(name);
  }
  return found;
}

describe("an API key", () => {
  it("is shown once and stored only as its SHA-256, with its creation audited by the admin", async () => {
    const { key, id } = await api.createKey({ scopes: ["verification:read"], ipAllowlist: "10.0.0.0/8" });
    expect(key).toMatch(/^mbo_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const row = await api.db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.secretHash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(row.ipAllowlist).toEqual(["10.0.0.0/8"]);
    expect(await tablesHolding(key.slice(13))).toEqual([]);
    expect(await tablesHolding(prefixOf(key))).toEqual(expect.arrayContaining(["api_keys", "audit_events"]));
    const created = await api.db.auditEvent.findFirstOrThrow({
      where: { action: "api_key.created", targetId: id },
    });
    expect(created.actorId).not.toBeNull();
    expect(created.details).toMatchObject({ prefix: prefixOf(key), scopes: ["verification:read"] });
  });

  it("is refused, as problem+json and never by a redirect, when missing, malformed or unknown", async () => {
    const { key } = await api.createKey({ scopes: ["verification:read"] });
    const forged = `${key.slice(0, 13)}${"A".repeat(43)}`;
    for (const presented of [undefined, "not-a-key", forged]) {
      const response = await api.call("GET", MISSING, presented);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      // proxy.ts's headers, as on every answer.
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect((await problemOf(response)).type).toBe("urn:markid-backoffice:problem:unauthorized");
    }
    expect((await api.call("GET", MISSING, key)).status).toBe(404);
  });

  it("takes no session: a signed-in admin's cookie is no credential", async () => {
    const { sessionCookieFor, staffMember } = await import("../support/case-fixtures");
    const { sessionCookie } = await import("@/lib/auth/session-token");
    const cookie = `${sessionCookie().name}=${await sessionCookieFor(await staffMember("LEAD"))}`;
    const response = await fetch(`${api.base}/api/v1/changes`, { headers: { cookie }, redirect: "manual" });
    expect(response.status).toBe(401);
  });

  it("answers 403 for a scope it lacks, audited as the key", async () => {
    const { key, id } = await api.createKey({ scopes: ["verification:read"] });
    const response = await api.call("POST", "/api/v1/verifications", key, { clientId: "NO-SCOPE-1" });
    expect(response.status).toBe(403);
    const body = await problemOf(response);
    expect(body.type).toBe("urn:markid-backoffice:problem:missing-scope");
    expect(body.detail).toContain("verification:create");
    expect(await api.db.verification.count({ where: { clientId: "NO-SCOPE-1" } })).toBe(0);
    const refused = await api.db.auditEvent.findFirstOrThrow({
      where: { action: "api.refused", targetId: id },
    });
    expect(refused).toMatchObject({ actorId: null, actorEmail: `api-key:${prefixOf(key)}`, ip: "127.0.0.1" });
    expect(refused.details).toMatchObject({ reason: "missing-scope", scope: "verification:create" });
  });

  it("stops working when it expires", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { key, id } = await api.createKey({ scopes: ["verification:read"], expiresOn: tomorrow });
    expect((await api.call("GET", MISSING, key)).status).toBe(404);
    await api.db.apiKey.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await api.call("GET", MISSING, key);
    expect(response.status).toBe(401);
    expect((await problemOf(response)).detail).toContain("expired");
  });

  it("stops working when an admin revokes it, which is audited", async () => {
    const { key, id } = await api.createKey({ scopes: ["verification:read"] });
    expect((await api.call("GET", MISSING, key)).status).toBe(404);
    await api.revokeKey(id);
    const response = await api.call("GET", MISSING, key);
    expect(response.status).toBe(401);
    expect((await problemOf(response)).detail).toContain("revoked");
    const revoked = await api.db.auditEvent.findFirstOrThrow({
      where: { action: "api_key.revoked", targetId: id },
    });
    expect(revoked.actorId).not.toBeNull();
  });

  it("is used only from an address its allowlist names", async () => {
    const outside = await api.createKey({
      scopes: ["verification:read"],
      ipAllowlist: "10.0.0.0/8, 192.0.2.1",
    });
    const refused = await api.call("GET", MISSING, outside.key);
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).type).toBe("urn:markid-backoffice:problem:ip-not-allowed");
    const audit = await api.db.auditEvent.findFirstOrThrow({
      where: { action: "api.refused", targetId: outside.id },
    });
    expect(audit.details).toMatchObject({ reason: "ip-not-allowed" });
    const inside = await api.createKey({
      scopes: ["verification:read"],
      ipAllowlist: "10.0.0.0/8 127.0.0.1/32",
    });
    expect((await api.call("GET", MISSING, inside.key)).status).toBe(404);
  });

  it("refuses an allowlist entry that is not an address or range, on the form", async () => {
    const { createApiKey } = await import("@/lib/api/key-actions");
    const { form } = await import("../support/case-fixtures");
    const fields = { name: "Bad", "scope:verification:read": "on", rateLimitPerMinute: "60" };
    const state = await createApiKey({}, form({ ...fields, ipAllowlist: "10.0.0.0/33, example.com" }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.ipAllowlist?.[0]).toContain("10.0.0.0/33, example.com");
    const noScope = await createApiKey({}, form({ name: "None", rateLimitPerMinute: "60" }));
    expect(noScope.fieldErrors?.scopes).toBeDefined();
  });
});

describe("the rate limit", () => {
  it("answers 429 with Retry-After past N calls a minute, counted in PostgreSQL across app servers", async () => {
    const { key, id } = await api.createKey({ scopes: ["verification:read"], rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await api.call("GET", MISSING, key)).status).toBe(404);
    const limited = await api.call("GET", MISSING, key);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await problemOf(limited)).type).toBe("urn:markid-backoffice:problem:rate-limited");
    // Another instance of the app reads the same count.
    const other = await startApiServer();
    try {
      const viaOther = await fetch(`${other.base}${MISSING}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(viaOther.status).toBe(429);
    } finally {
      await other.close();
    }
    expect((await api.db.apiKey.findUniqueOrThrow({ where: { id } })).rateCount).toBe(5);
    // Limited calls are counted, not audited (else a leaked key could flood the trail): the three that passed are.
    const audited = await api.db.auditEvent.findMany({ where: { actorEmail: `api-key:${prefixOf(key)}` } });
    expect(audited.map((e) => [e.action, (e.details as { reason?: string }).reason])).toEqual(
      Array.from({ length: 3 }, () => ["api.refused", "not-found"]),
    );
    // Once the window is over, a new one starts.
    await api.db.$executeRaw`
      UPDATE api_keys SET "rateWindowStart" = "rateWindowStart" - interval '61 seconds' WHERE id = ${id}::uuid`;
    expect((await api.call("GET", MISSING, key)).status).toBe(404);
    expect((await api.db.apiKey.findUniqueOrThrow({ where: { id } })).rateCount).toBe(1);
  });
});
