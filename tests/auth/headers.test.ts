import { describe, expect, it } from "vitest";
import { sessionCookie } from "@/lib/auth/session-token";
import { applySecurityHeaders, contentSecurityPolicy, newNonce } from "@/lib/security-headers";

describe("security headers", () => {
  it("allow scripts only by nonce in production, and eval only in development", () => {
    const nonce = newNonce();
    expect(newNonce()).not.toBe(nonce);
    const prod = contentSecurityPolicy(nonce, { dev: false, https: true });
    expect(prod).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic';`);
    expect(prod).not.toContain("unsafe-eval");
    expect(prod).toContain("upgrade-insecure-requests");
    for (const d of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(prod).toContain(d);
    }
    expect(contentSecurityPolicy(nonce, { dev: true, https: false })).toContain("'unsafe-eval'");
  });

  it("never use a Referrer-Policy that would make browsers send Origin: null on server actions", () => {
    const headers = new Headers();
    applySecurityHeaders(headers, "default-src 'self'");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("name the session cookie __Host- and mark it Secure behind https", () => {
    expect(sessionCookie("https://backoffice.example.com")).toEqual({
      name: "__Host-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(sessionCookie("http://localhost:3000").options.secure).toBe(false);
  });
});
