// Contract: timeouts, retries only where repeating is safe, and bodies the client must refuse.
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { backoffDelay, createMarkIdClient, type MarkIdClient, type MarkIdClientConfig } from "@/lib/markid";
import { translatorFor } from "@/lib/i18n/messages";
import { staffMessage } from "@/lib/markid";
import { startSandbox, type Sandbox } from "@/sandbox/server";

const KEY = "resilience-key";
const SECRET = "resilience-secret";
let sandbox: Sandbox;
let client: MarkIdClient;
// Hang tests wait for this; the only request expected to finish within it is a plain local one.
let impatient: MarkIdClient;

function makeClient(extra: Partial<MarkIdClientConfig> = {}): MarkIdClient {
  return createMarkIdClient({
    baseUrl: sandbox.url,
    apiKey: KEY,
    apiSecret: SECRET,
    timeoutMs: 5000,
    retry: { attempts: 3, baseDelayMs: 5 },
    ...extra,
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, signingKey: "resilience-signing" });
  client = makeClient();
  impatient = makeClient({ timeoutMs: 1000 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.controls.reset());

const seen = (path: string) => sandbox.controls.requests().filter((r) => r.path === path).length;

async function scanRef(): Promise<string> {
  const token = await client.createToken({ clientId: "resilience", tokenType: "VIDEO_CALL" });
  if (!token.ok) throw new Error(token.error.message);
  return token.value.scanRef;
}

describe("timeouts", () => {
  it("a hanging createToken is TIMEOUT, retryable, and not repeated", async () => {
    sandbox.controls.hangNext(1, "/api/v2/token");
    const result = await impatient.createToken({ clientId: "c", tokenType: "VIDEO_CALL" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ identifier: "TIMEOUT", status: null, retryable: true, attempts: 1 });
    expect(result.error.message).toMatch(/may still have reached MarkID/);
    // Staff read the same warning in their language (lib/markid/staff-message.ts).
    expect(staffMessage(result.error, translatorFor("en"))).toBe(result.error.message);
    expect(staffMessage(result.error, translatorFor("de"))).toMatch(/könnte MarkID dennoch erreicht haben/);
    expect(seen("/api/v2/token")).toBe(1);
  });

  it("a hanging read is retried and then succeeds", async () => {
    const ref = await scanRef();
    sandbox.controls.hangNext(1, "/api/v2/status");
    expect(await impatient.getStatus(ref)).toMatchObject({ ok: true, value: { status: "ACTIVE" } });
    expect(seen("/api/v2/status")).toBe(2);
  });

  it("latency beyond the timeout is a TIMEOUT too", async () => {
    sandbox.controls.setLatency(2000);
    const once = makeClient({ timeoutMs: 1000, retry: { attempts: 1, baseDelayMs: 1 } });
    expect(await once.getStatus("x")).toMatchObject({ ok: false, error: { identifier: "TIMEOUT" } });
  });
});

describe("retries", () => {
  it("reads are retried on 5xx and 429", async () => {
    const ref = await scanRef();
    sandbox.controls.failNext("5xx", { path: "/api/v2/video-call-record", status: 503 });
    sandbox.controls.failNext("429", { path: "/api/v2/video-call-record" });
    expect(await client.getVideoCallRecord(ref)).toEqual({ ok: true, value: { photos: {}, videos: [] } });
    expect(seen("/api/v2/video-call-record")).toBe(3);
  });

  it("reads give up after the configured attempts with the last error", async () => {
    sandbox.controls.failNext("5xx", { count: 5 });
    const result = await client.getStatus("x");
    expect(result).toMatchObject({
      ok: false,
      error: { identifier: "INTERNAL_ERROR", status: 500, attempts: 3 },
    });
    expect(seen("/api/v2/status")).toBe(3);
  });

  it("createToken is NOT retried on 5xx: the sandbox sees exactly one token request", async () => {
    sandbox.controls.failNext("5xx", { path: "/api/v2/token" });
    const result = await client.createToken({ clientId: "c", tokenType: "VIDEO_CALL" });
    expect(result).toMatchObject({ ok: false, error: { identifier: "INTERNAL_ERROR", status: 500 } });
    expect(seen("/api/v2/token")).toBe(1);
  });

  it("createToken is retried on 429, where nothing was created", async () => {
    sandbox.controls.failNext("429", { path: "/api/v2/token" });
    const result = await client.createToken({ clientId: "c", tokenType: "VIDEO_CALL" });
    expect(result.ok).toBe(true);
    expect(seen("/api/v2/token")).toBe(2);
  });

  it("createVideoCall is NOT retried on 5xx", async () => {
    const ref = await scanRef();
    sandbox.controls.failNext("5xx", { path: "/api/v2/video-call", status: 502 });
    const result = await client.createVideoCall({ scanRef: ref });
    expect(result).toMatchObject({ ok: false, error: { identifier: "INTERNAL_ERROR", status: 502 } });
    expect(seen("/api/v2/video-call")).toBe(1);
  });

  it("deleteData is retried on 5xx but not after a timeout", async () => {
    const ref = await scanRef();
    sandbox.controls.completeCall(ref);
    sandbox.controls.failNext("5xx", { path: "/api/v2/delete" });
    expect(await client.deleteData(ref)).toEqual({ ok: true, value: null });
    expect(seen("/api/v2/delete")).toBe(2);
    sandbox.controls.hangNext(1, "/api/v2/delete");
    expect(await impatient.deleteData(ref)).toMatchObject({ ok: false, error: { identifier: "TIMEOUT" } });
    expect(seen("/api/v2/delete")).toBe(3);
  });

  it("backoff uses full jitter below an exponential ceiling", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, r) => {
          const retry = { attempts: 5, baseDelayMs: 100, maxDelayMs: 2000 };
          const delay = backoffDelay(attempt, retry, () => r);
          return delay >= 0 && delay <= Math.min(2000, 100 * 2 ** (attempt - 1));
        },
      ),
    );
  });
});

describe("bodies the client refuses", () => {
  it.each(["garbage", "empty", "oversized"] as const)(
    "a 2xx %s body is INVALID_RESPONSE, not retried",
    async (kind) => {
      sandbox.controls.failNext(kind, { path: "/api/v2/token" });
      const result = await client.createToken({ clientId: "c", tokenType: "VIDEO_CALL" });
      expect(result).toMatchObject({ ok: false, error: { identifier: "INVALID_RESPONSE", status: 200 } });
      expect(seen("/api/v2/token")).toBe(1);
    },
  );

  it("a read with a garbage body is INVALID_RESPONSE", async () => {
    sandbox.controls.failNext("garbage", { path: "/api/v2/status" });
    expect(await client.getStatus("x")).toMatchObject({
      ok: false,
      error: { identifier: "INVALID_RESPONSE" },
    });
  });

  it("a JSON body of the wrong shape is INVALID_RESPONSE", async () => {
    const wrongShape: typeof fetch = async () => Response.json({ status: 42 });
    const odd = makeClient({ fetch: wrongShape });
    expect(await odd.getStatus("x")).toMatchObject({ ok: false, error: { identifier: "INVALID_RESPONSE" } });
  });

  it("a smaller cap applies to error bodies too", async () => {
    const small = makeClient({ maxResponseBytes: 10, retry: { attempts: 1, baseDelayMs: 1 } });
    expect(await small.getStatus("missing")).toMatchObject({
      ok: false,
      error: { identifier: "UNKNOWN", status: 400 },
    });
  });
});
