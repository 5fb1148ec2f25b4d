// Contract: every error identifier reaches the caller as a typed value with a message fit for staff.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMarkIdClient, type MarkIdClient, type MarkIdErrorIdentifier } from "@/lib/markid";
import { startSandbox, type Sandbox } from "@/sandbox/server";

const KEY = "errors-key";
const SECRET = "errors-secret";
let sandbox: Sandbox;
let client: MarkIdClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, signingKey: "errors-signing" });
  client = createMarkIdClient({
    baseUrl: sandbox.url,
    apiKey: KEY,
    apiSecret: SECRET,
    timeoutMs: 5000,
    retry: { attempts: 1, baseDelayMs: 1 },
  });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.controls.reset());

async function scanRef(): Promise<string> {
  const token = await client.createToken({ clientId: "errors-client", tokenType: "VIDEO_CALL" });
  if (!token.ok) throw new Error(token.error.message);
  return token.value.scanRef;
}

function failure<T>(result: { ok: true; value: T } | { ok: false; error: unknown }) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error("expected a failure");
  return result.error as { identifier: MarkIdErrorIdentifier; message: string; status: number | null };
}

describe("errors the sandbox produces by itself", () => {
  it("UNAUTHORIZED names the variables to check", async () => {
    const wrong = createMarkIdClient({
      baseUrl: sandbox.url,
      apiKey: KEY,
      apiSecret: "nope",
      timeoutMs: 5000,
    });
    const error = failure(await wrong.createToken({ clientId: "c", tokenType: "VIDEO_CALL" }));
    expect(error).toMatchObject({ identifier: "UNAUTHORIZED", status: 400, retryable: false });
    expect(error.message).toBe(
      "MarkID rejected the API key and secret. Check MARKID_API_KEY and MARKID_API_SECRET.",
    );
  });

  it("PERMISSIONS_ERROR 'Partner reached token limit.' is reported as out of credits", async () => {
    sandbox.controls.setCredits(0);
    const error = failure(await client.createToken({ clientId: "c", tokenType: "VIDEO_CALL" }));
    expect(error).toMatchObject({ identifier: "PERMISSIONS_ERROR", outOfCredits: true, retryable: false });
    expect(error.message).toBe("The MarkID account has run out of verification credits.");
  });

  it("a plain PERMISSIONS_ERROR is not out of credits", async () => {
    sandbox.controls.failNext("error", { identifier: "PERMISSIONS_ERROR", message: "Feature not enabled." });
    const error = failure(await client.getStatus("any"));
    expect(error).toMatchObject({ identifier: "PERMISSIONS_ERROR" });
    expect(error).not.toHaveProperty("outOfCredits");
  });

  it("an unknown scanRef is BAD_VALUE with MarkID's text", async () => {
    const error = failure(await client.getStatus("does-not-exist"));
    expect(error).toMatchObject({ identifier: "BAD_VALUE", status: 400 });
    expect(error.message).toContain("does-not-exist");
  });

  it("TOKEN_NOT_VALID when a call is requested for an expired token", async () => {
    const ref = await scanRef();
    sandbox.controls.expireToken(ref);
    expect(failure(await client.createVideoCall({ scanRef: ref }))).toMatchObject({
      identifier: "TOKEN_NOT_VALID",
    });
  });

  it("PARTNER_ERROR when deleting while the token is still valid", async () => {
    const error = failure(await client.deleteData(await scanRef()));
    expect(error).toMatchObject({ identifier: "PARTNER_ERROR", status: 400 });
    expect(error.message).toMatch(/still valid/);
  });

  it("uses the semantic status codes when the sandbox sends them, with the same identifiers", async () => {
    sandbox.controls.setErrorStatusMode("semantic");
    const wrong = createMarkIdClient({ baseUrl: sandbox.url, apiKey: "x", apiSecret: "y", timeoutMs: 5000 });
    expect(failure(await wrong.getStatus("a"))).toMatchObject({ identifier: "UNAUTHORIZED", status: 401 });
    expect(failure(await client.getStatus("missing"))).toMatchObject({
      identifier: "BAD_VALUE",
      status: 404,
    });
  });
});

describe("every identifier, injected", () => {
  const cases: [string, number, MarkIdErrorIdentifier, boolean][] = [
    ["UNAUTHORIZED", 401, "UNAUTHORIZED", false],
    ["BAD_VALUE", 400, "BAD_VALUE", false],
    ["MISSING_VALUE", 400, "MISSING_VALUE", false],
    ["TOKEN_NOT_VALID", 400, "TOKEN_NOT_VALID", false],
    ["PERMISSIONS_ERROR", 403, "PERMISSIONS_ERROR", false],
    ["TOO_MANY_REQUESTS", 429, "TOO_MANY_REQUESTS", true],
    ["JSON_ERROR", 400, "JSON_ERROR", false],
    ["METHOD_NOT_ALLOWED", 405, "METHOD_NOT_ALLOWED", false],
    ["PARTNER_ERROR", 400, "PARTNER_ERROR", false],
    ["PARTNER_CONTRACT_ERROR", 400, "PARTNER_CONTRACT_ERROR", false],
    ["INTERNAL_ERROR", 500, "INTERNAL_ERROR", true],
    ["SOMETHING_NEW", 400, "UNKNOWN", false],
  ];
  it.each(cases)("%s with HTTP %i → %s", async (identifier, status, expected, retryable) => {
    sandbox.controls.failNext("error", { identifier, status, message: "Injected." });
    const error = failure(await client.getStatus("whatever"));
    expect(error).toMatchObject({ identifier: expected, status, retryable });
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("the identifier wins over the status code", async () => {
    sandbox.controls.failNext("error", { identifier: "TOKEN_NOT_VALID", status: 500 });
    expect(failure(await client.getStatus("x"))).toMatchObject({
      identifier: "TOKEN_NOT_VALID",
      status: 500,
    });
  });

  it.each([
    [401, "UNAUTHORIZED"],
    [403, "PERMISSIONS_ERROR"],
    [405, "METHOD_NOT_ALLOWED"],
    [429, "TOO_MANY_REQUESTS"],
    [502, "INTERNAL_ERROR"],
    [404, "UNKNOWN"],
  ] as const)("a body without identifier falls back to the status (%i → %s)", async (status, identifier) => {
    const fetchHtml: typeof fetch = async () => new Response("<html>nope</html>", { status });
    const bare = createMarkIdClient({
      baseUrl: sandbox.url,
      apiKey: KEY,
      apiSecret: SECRET,
      timeoutMs: 1000,
      fetch: fetchHtml,
      retry: { attempts: 1, baseDelayMs: 1 },
    });
    expect(failure(await bare.getStatus("x"))).toMatchObject({ identifier, status });
  });
});

describe("client-side identifiers", () => {
  it("NETWORK_ERROR when nothing listens", async () => {
    const closed = await startSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, signingKey: "x" });
    await closed.close();
    const offline = createMarkIdClient({
      baseUrl: closed.url,
      apiKey: KEY,
      apiSecret: SECRET,
      timeoutMs: 5000,
      retry: { attempts: 1, baseDelayMs: 1 },
    });
    expect(failure(await offline.getStatus("x"))).toMatchObject({
      identifier: "NETWORK_ERROR",
      status: null,
      retryable: true,
    });
  });

  it("a 2xx without the call url is INVALID_RESPONSE with a message for staff", async () => {
    const noUrl: typeof fetch = async () => Response.json({ link: "https://x" }, { status: 200 });
    const odd = createMarkIdClient({
      baseUrl: sandbox.url,
      apiKey: KEY,
      apiSecret: SECRET,
      timeoutMs: 1000,
      fetch: noUrl,
    });
    const error = failure(await odd.createVideoCall({ scanRef: "x" }));
    expect(error).toMatchObject({ identifier: "INVALID_RESPONSE", status: 200 });
    expect(error.message).toMatch(/no call link/);
  });
});
