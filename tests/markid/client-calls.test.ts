// Contract: every client call against the sandbox, happy paths and the state rules around them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMarkIdClient, type MarkIdClient } from "@/lib/markid";
import { startSandbox, type Sandbox } from "@/sandbox/server";

const KEY = "contract-key";
const SECRET = "contract-secret";
let sandbox: Sandbox;
let client: MarkIdClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, signingKey: "contract-signing" });
  client = createMarkIdClient({ baseUrl: sandbox.url, apiKey: KEY, apiSecret: SECRET, timeoutMs: 5000 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.controls.reset());

async function newToken(tokenType: "VIDEO_CALL" | "VIDEO_CALL_PHOTOS" = "VIDEO_CALL_PHOTOS") {
  const result = await client.createToken({ clientId: "client-1", tokenType });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("createToken", () => {
  it("returns the token fields and builds the redirect URL when MarkID leaves it out", async () => {
    const result = await client.createToken({
      clientId: "client-42",
      tokenType: "VIDEO_CALL",
      firstName: "Jonas",
      lastName: "Petraitis",
      externalRef: "case-1",
      expiryTime: 600,
      sessionLength: 900,
      locale: "lt",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const token = result.value;
    expect(token.scanRef).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(token.authToken).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(token).toMatchObject({
      clientId: "client-42",
      expiryTime: 600,
      sessionLength: 900,
      tokenType: "VIDEO_CALL",
    });
    expect(token.redirectUrl).toBe(`${sandbox.url}/api/v2/redirect?authToken=${token.authToken}`);
  });

  it("uses MarkID's redirectUrl when it sends one", async () => {
    sandbox.controls.setIncludeRedirectUrl(true);
    const token = await newToken();
    expect(token.redirectUrl).toContain(`/api/v2/redirect?authToken=${token.authToken}`);
    expect(token.tokenType).toBe("VIDEO_CALL_PHOTOS");
  });

  it.each([
    [{ clientId: "" }, "clientId"],
    [{ clientId: "ąčę" }, "clientId"],
    [{ clientId: "x".repeat(101) }, "clientId"],
    [{ firstName: "J0nas" }, "firstName"],
    [{ lastName: "O'Brien;" }, "lastName"],
    [{ externalRef: "x".repeat(41) }, "externalRef"],
    [{ expiryTime: 59 }, "expiryTime"],
    [{ expiryTime: 2_592_001 }, "expiryTime"],
    [{ sessionLength: 3601 }, "sessionLength"],
    [{ locale: "eng" }, "locale"],
    [{ callbackUrl: "http://example.com/hook" }, "callbackUrl"],
    [{ tokenType: "IDENTIFICATION" }, "tokenType"],
  ])("refuses %o before sending anything", async (override, field) => {
    const input = { clientId: "client-1", tokenType: "VIDEO_CALL", ...override } as Parameters<
      MarkIdClient["createToken"]
    >[0];
    const result = await client.createToken(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ identifier: "BAD_VALUE", status: null, retryable: false });
    expect(result.error.message).toContain(field);
    expect(sandbox.controls.requests()).toHaveLength(0);
  });
});

describe("video call", () => {
  it("creates a call link that opens the sandbox call page", async () => {
    const token = await newToken();
    const call = await client.createVideoCall({ scanRef: token.scanRef, photos: true });
    expect(call).toEqual({ ok: true, value: { url: expect.stringMatching(/\/call\/[\w-]+$/) } });
    if (!call.ok) return;
    const page = await fetch(call.value.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Finish call — success");
  });

  it("reports empty recordings before the call ends and all of them after", async () => {
    const token = await newToken();
    await client.createVideoCall({ scanRef: token.scanRef, photos: true });
    expect(await client.getVideoCallRecord(token.scanRef)).toEqual({
      ok: true,
      value: { photos: {}, videos: [] },
    });
    sandbox.controls.completeCall(token.scanRef, { success: true });
    const record = await client.getVideoCallRecord(token.scanRef);
    expect(record.ok).toBe(true);
    if (!record.ok) return;
    expect(Object.keys(record.value.photos).sort()).toEqual([
      "VIDEO_CALL_BACK",
      "VIDEO_CALL_FACE",
      "VIDEO_CALL_FRONT",
    ]);
    expect(record.value.videos).toHaveLength(1);
  });

  it("omits the photo keys when no photos were asked for", async () => {
    const token = await newToken("VIDEO_CALL");
    await client.createVideoCall({ scanRef: token.scanRef });
    sandbox.controls.completeCall(token.scanRef);
    const record = await client.getVideoCallRecord(token.scanRef);
    expect(record.ok && record.value.photos).toEqual({});
    expect(record.ok && record.value.videos).toHaveLength(1);
  });
});

describe("status and deletion", () => {
  it("follows the verification from ACTIVE to REVIEWING to a result", async () => {
    const token = await newToken();
    const active = await client.getStatus(token.scanRef);
    expect(active).toMatchObject({
      ok: true,
      value: { status: "ACTIVE", scanRef: token.scanRef, clientId: "client-1" },
    });
    sandbox.controls.completeCall(token.scanRef, { success: true, result: "none" });
    expect(await client.getStatus(token.scanRef)).toMatchObject({ ok: true, value: { status: "REVIEWING" } });
    sandbox.controls.setResult(token.scanRef, "APPROVED");
    expect(await client.getStatus(token.scanRef)).toMatchObject({
      ok: true,
      value: { status: "APPROVED", autoFace: "FACE_MATCH", autoDocument: "DOC_VALIDATED", fraudTags: [] },
    });
  });

  it("refuses to delete while the token is active, then deletes", async () => {
    const token = await newToken();
    const early = await client.deleteData(token.scanRef);
    expect(early.ok).toBe(false);
    if (!early.ok) {
      expect(early.error.identifier).toBe("PARTNER_ERROR");
      expect(early.error.apiMessage).toBe("Token has not expired yet.");
    }
    sandbox.controls.completeCall(token.scanRef, { success: false });
    expect(await client.deleteData(token.scanRef)).toEqual({ ok: true, value: null });
    expect(await client.getStatus(token.scanRef)).toMatchObject({ ok: true, value: { status: "DELETED" } });
    expect(await client.getVideoCallRecord(token.scanRef)).toEqual({
      ok: true,
      value: { photos: {}, videos: [] },
    });
  });

  it("reports EXPIRED-DELETED for an expired token that was deleted", async () => {
    const token = await newToken();
    sandbox.controls.advanceClock(86_401);
    expect(await client.getStatus(token.scanRef)).toMatchObject({ ok: true, value: { status: "EXPIRED" } });
    expect((await client.deleteData(token.scanRef)).ok).toBe(true);
    expect(await client.getStatus(token.scanRef)).toMatchObject({
      ok: true,
      value: { status: "EXPIRED-DELETED" },
    });
  });
});
