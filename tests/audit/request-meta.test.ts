// What the audit trail records about a request: the address the production server worked out from the socket,
// our own request id, and only text a client sent that is safe to show an auditor.
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, markOwnServer, metaFrom, storedUserAgent } from "@/lib/request-meta";

const from = (headers: Record<string, string>) => metaFrom((name) => headers[name] ?? null);
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

afterEach(() => markOwnServer(false));

describe("request metadata for the audit trail", () => {
  it("behind the production server, takes only the address it stamped, never one a client wrote", () => {
    markOwnServer();
    const forged = { "x-forwarded-for": "6.6.6.6, 198.51.100.4", "x-real-ip": "198.51.100.5" };
    expect(from({ ...forged, [CLIENT_IP_HEADER]: "203.0.113.9" }).ip).toBe("203.0.113.9");
    expect(from(forged).ip).toBeNull();
    expect(from({ [CLIENT_IP_HEADER]: "not an address" }).ip).toBeNull();
  });

  it("without it (next dev, tests), takes the peer Next wrote, and ignores X-Real-IP", () => {
    expect(from({ "x-forwarded-for": "127.0.0.1" }).ip).toBe("127.0.0.1");
    expect(from({ "x-real-ip": "198.51.100.4" }).ip).toBeNull();
    // A stamp means nothing when no server of ours wrote it.
    expect(from({ [CLIENT_IP_HEADER]: "203.0.113.9" }).ip).toBeNull();
  });

  it("makes its own request id every time, and keeps a client's beside it only when it looks like an id", () => {
    const own = from({}).requestId;
    expect(own).toMatch(new RegExp(`^${UUID}$`));
    expect(from({}).requestId).not.toBe(own);
    expect(from({ "x-request-id": "req-7" }).requestId).toMatch(new RegExp(`^${UUID} client=req-7$`));
    const trace = "Root=1-5759e988-bd862e3fe1be46a994272793";
    expect(from({ "x-request-id": trace }).requestId).toMatch(new RegExp(`^${UUID} client=${trace}$`));
    for (const bad of ["two words", "x".repeat(129), "<script>", "id\nforged: yes", "ünïcode", ""]) {
      expect(from({ "x-request-id": bad }).requestId).toMatch(new RegExp(`^${UUID}$`));
    }
  });

  it("stores a user agent as printable ASCII, capped at 512 characters", () => {
    expect(from({ "user-agent": "x".repeat(600) }).userAgent).toHaveLength(512);
    expect(storedUserAgent("Mozilla/5.0 (X11; Linux x86_64)")).toBe("Mozilla/5.0 (X11; Linux x86_64)");
    expect(storedUserAgent("evil\r\nX-Injected: 1\u0000\u202e")).toBe("evil??X-Injected: 1??");
    expect(storedUserAgent("")).toBeNull();
    expect(from({}).userAgent).toBeNull();
  });
});
