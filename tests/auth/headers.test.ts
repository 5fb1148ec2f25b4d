import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
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

describe("where proxy.ts sets them", () => {
  const PUBLIC_DIR = path.resolve(import.meta.dirname, "../../public");
  const runs = (url: string) => unstable_doesMiddlewareMatch({ config, url });

  it("runs on every page, route and unknown path, whatever it ends in", () => {
    for (const url of [
      "/",
      "/login",
      "/verifications/0b7e4b1e-6c1f-4d5e-9a3b-2f1c0d9e8a7b",
      "/api/media/0b7e4b1e-6c1f-4d5e-9a3b-2f1c0d9e8a7b",
      "/api/auth/session",
      "/favicon.ico",
      "/robots.txt",
      "/missing.png",
      "/verifications/report.svg",
      "/fonts/geist.woff2",
      "/_next/image?url=%2Fx.png&w=64&q=75",
      "/_next/data/build/page.json",
      "/_next/staticky",
    ]) {
      expect(runs(url), url).toBe(true);
    }
  });

  it("skips only Next's built assets and the files that really exist in public/", () => {
    expect(runs("/_next/static/chunks/app.js")).toBe(false);
    expect(runs("/_next/static/media/geist.woff2")).toBe(false);
    const files = existsSync(PUBLIC_DIR)
      ? readdirSync(PUBLIC_DIR, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
      : [];
    for (const file of files) {
      const url = `/${path.relative(PUBLIC_DIR, path.join(file.parentPath, file.name)).split(path.sep).join("/")}`;
      expect(runs(url), url).toBe(false);
    }
  });
});
