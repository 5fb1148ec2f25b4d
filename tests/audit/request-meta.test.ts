// What the audit trail records about a request: the address our proxy saw, never one the client wrote.
import { describe, expect, it } from "vitest";
import { metaFrom } from "@/lib/request-meta";

const from = (headers: Record<string, string>) => metaFrom((name) => headers[name] ?? null);

describe("request metadata for the audit trail", () => {
  it("takes the last X-Forwarded-For hop, which our reverse proxy appended, not the client's first", () => {
    expect(from({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }).ip).toBe("203.0.113.9");
    expect(from({ "x-forwarded-for": "203.0.113.9" }).ip).toBe("203.0.113.9");
    expect(from({ "x-real-ip": "198.51.100.4" }).ip).toBe("198.51.100.4");
    expect(from({}).ip).toBeNull();
  });

  it("keeps a given request id, makes one otherwise, and caps the user agent", () => {
    expect(from({ "x-request-id": "req-7" }).requestId).toBe("req-7");
    expect(from({}).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(from({ "user-agent": "x".repeat(600) }).userAgent).toHaveLength(512);
  });
});
