import { describe, expect, it, vi } from "vitest";
import { authenticatePassword } from "@/lib/auth/login";
import { authOptions } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { IP_LIMIT } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db";
import { CLIENT_IP_HEADER, markOwnServer } from "@/lib/request-meta";
import { auditActions, createStaff, ctx, PASSWORD } from "./support";

vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

describe("the per-address limit", () => {
  it(`refuses an address after ${IP_LIMIT} failures, across accounts, before hashing`, async () => {
    const attacker = ctx("203.0.113.7");
    const user = await createStaff();
    // Each guess at a different email, so no single account locks.
    for (let i = 0; i < IP_LIMIT; i++) {
      await authenticatePassword({ email: `spray-${i}@example.test`, password: "Summer2026!" }, attacker);
    }
    const hashed = vi.mocked(verifyPassword).mock.calls.length;
    expect(hashed).toBe(IP_LIMIT);

    expect(await authenticatePassword({ email: user.email, password: PASSWORD }, attacker)).toEqual({
      status: "failed",
    });
    expect(vi.mocked(verifyPassword).mock.calls.length).toBe(hashed);
    expect(await auditActions({ actorEmail: user.email })).toEqual(["auth.login_failed"]);

    // Another address, and the same account, are unaffected.
    expect(
      (await authenticatePassword({ email: user.email, password: PASSWORD }, ctx("203.0.113.8"))).status,
    ).toBe("ok");
  });

  it("counts failures only: successful sign-ins do not use up the allowance", async () => {
    const office = ctx("203.0.113.50");
    const user = await createStaff();
    for (let i = 0; i < IP_LIMIT + 5; i++) {
      expect((await authenticatePassword({ email: user.email, password: PASSWORD }, office)).status).toBe(
        "ok",
      );
    }
  });
});

describe("the address the sign-in form is throttled by", () => {
  type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => unknown;
  const authorize = (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options
    .authorize;

  it("is the one the production server stamped: a fresh X-Forwarded-For per guess changes nothing", async () => {
    markOwnServer();
    try {
      const headers = (i: number) => ({
        [CLIENT_IP_HEADER]: "203.0.113.77",
        "x-forwarded-for": `198.51.100.${i}`,
        "x-request-id": `guess-${i}`,
        "user-agent": "spray",
      });
      for (let i = 0; i <= IP_LIMIT; i++) {
        await authorize(
          { email: `rotate-${i}@example.test`, password: "Summer2026!" },
          { headers: headers(i) },
        );
      }
      const failures = await getDb().auditEvent.findMany({
        where: { action: "auth.login_failed", userAgent: "spray" },
        orderBy: { id: "asc" },
      });
      expect(failures.map((f) => f.ip)).toEqual(Array(IP_LIMIT + 1).fill("203.0.113.77"));
      expect(failures.at(-1)!.details).toEqual({ reason: "ip_throttled" });
      expect(failures[0]!.requestId).toMatch(/ client=guess-0$/);
    } finally {
      markOwnServer(false);
    }
  });
});
