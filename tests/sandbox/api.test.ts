// The sandbox over raw HTTP, checked against docs/markid.md: shapes, defaults, errors, pages and the control API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "@/sandbox/server";

const KEY = "api-key";
const SECRET = "api-secret";
const AUTH = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString("base64")}`;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, signingKey: "api-signing" });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.controls.reset());

async function post(path: string, body: unknown, init: { auth?: string; raw?: string } = {}) {
  const res = await fetch(`${sandbox.url}${path}`, {
    method: "POST",
    headers: { Authorization: init.auth ?? AUTH, "Content-Type": "application/json" },
    body: init.raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const control = (body: object) =>
  fetch(`${sandbox.url}/__control`, { method: "POST", body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    json: (await r.json()) as Record<string, unknown>,
  }));

function expectError(
  res: { status: number; json: Record<string, unknown> | null },
  identifier: string,
  status = 400,
) {
  expect(res.status).toBe(status);
  expect(res.json).toEqual({
    identifier,
    message: expect.any(String),
    documentation: expect.any(String),
    severity: "NOT_SEVERE",
  });
}

describe("POST /api/v2/token", () => {
  it("answers 201 echoing every field with defaults filled", async () => {
    const res = await post("/api/v2/token", { clientId: "c-1", firstName: "Jonas", lastName: "Žemaitis" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      message: "Token created successfully",
      clientId: "c-1",
      personScanRef: "c-1",
      firstName: "JONAS",
      lastName: "ŽEMAITIS",
      tokenType: "IDENTIFICATION",
      expiryTime: 86400,
      sessionLength: 1800,
      locale: "en",
      showInstructions: true,
      digitString: null,
      documents: ["ID_CARD", "PASSPORT"],
      videoCallQuestions: [],
      externalRef: null,
      callbackUrl: null,
    });
    expect(res.json!.scanRef).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(res.json!.authToken).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(res.json).not.toHaveProperty("redirectUrl");
  });

  it("accepts VIDEO_CALL_PHOTO as VIDEO_CALL_PHOTOS, personScanRef as clientId, and makes digit strings", async () => {
    const res = await post("/api/v2/token", {
      personScanRef: "c-2",
      tokenType: "VIDEO_CALL_PHOTO",
      generateDigitString: true,
    });
    expect(res.json).toMatchObject({ clientId: "c-2", tokenType: "VIDEO_CALL_PHOTOS" });
    expect(res.json!.digitString).toMatch(/^\d{8}$/);
  });

  it.each([
    [{}, "MISSING_VALUE"],
    [{ clientId: 12 }, "BAD_VALUE"],
    [{ clientId: "c", tokenType: "SELFIE" }, "BAD_VALUE"],
    [{ clientId: "c", firstName: "R2D2" }, "BAD_VALUE"],
    [{ clientId: "c", expiryTime: 2_592_001 }, "BAD_VALUE"],
    [{ clientId: "c", sessionLength: 30 }, "BAD_VALUE"],
    [{ clientId: "c", callbackUrl: "http://insecure.example" }, "BAD_VALUE"],
    [{ clientId: "c", locale: "xx" }, "BAD_VALUE"],
    [{ clientId: "c", externalRef: "e".repeat(41) }, "BAD_VALUE"],
  ])("%o → %s", async (body, identifier) => {
    expectError(await post("/api/v2/token", body), identifier);
  });

  it("answers PERMISSIONS_ERROR 'Partner reached token limit.' when credits run out", async () => {
    sandbox.controls.setCredits(1);
    expect((await post("/api/v2/token", { clientId: "c" })).status).toBe(201);
    const res = await post("/api/v2/token", { clientId: "c" });
    expectError(res, "PERMISSIONS_ERROR");
    expect(res.json!.message).toBe("Partner reached token limit.");
  });

  it("dummyStatus creates a finished verification", async () => {
    const res = await post("/api/v2/token", { clientId: "c", dummyStatus: "SUSPECTED" });
    expect(res.json!.message).toBe("Dummy token and verification created successfully");
    const status = await post("/api/v2/status", { scanRef: res.json!.scanRef });
    expect(status.json).toMatchObject({ status: "SUSPECTED", mismatchTags: ["NAME"] });
    const files = await post("/api/v2/files", { scanRef: res.json!.scanRef });
    expect(Object.keys(files.json!).sort()).toEqual(["BACK", "FACE", "FRONT"]);
    const data = await post("/api/v2/data", { scanRef: res.json!.scanRef });
    expect(data.json).toMatchObject({
      docLastName: "SAMPLE",
      docType: "ID_CARD",
      scanRef: res.json!.scanRef,
    });
  });
});

describe("errors common to every endpoint", () => {
  it("UNAUTHORIZED without or with wrong credentials", async () => {
    expectError(await post("/api/v2/status", { scanRef: "x" }, { auth: "" }), "UNAUTHORIZED");
    const wrong = `Basic ${Buffer.from(`${KEY}:nope`).toString("base64")}`;
    expectError(await post("/api/v2/status", { scanRef: "x" }, { auth: wrong }), "UNAUTHORIZED");
  });

  it("METHOD_NOT_ALLOWED, JSON_ERROR, MISSING_VALUE", async () => {
    const get = await fetch(`${sandbox.url}/api/v2/status?scanRef=x`, { headers: { Authorization: AUTH } });
    expectError({ status: get.status, json: await get.json() }, "METHOD_NOT_ALLOWED");
    expectError(await post("/api/v2/status", null, { raw: "{nope" }), "JSON_ERROR");
    expectError(await post("/api/v2/status", null, { raw: "[1]" }), "JSON_ERROR");
    expectError(await post("/api/v2/video-call", {}), "MISSING_VALUE");
    expectError(await post("/api/v2/video-call", { scanRef: "x", photos: "yes" }), "BAD_VALUE");
  });

  it("unknown scanRef: 400 BAD_VALUE by default, configurable, 404 in semantic mode", async () => {
    expectError(await post("/api/v2/video-call-record", { scanRef: "nope" }), "BAD_VALUE");
    sandbox.controls.setUnknownScanRefError("MISSING_VALUE");
    expectError(await post("/api/v2/status", { scanRef: "nope" }), "MISSING_VALUE");
    sandbox.controls.setErrorStatusMode("semantic");
    expectError(await post("/api/v2/status", { scanRef: "nope" }), "MISSING_VALUE", 404);
    expectError(await post("/api/v2/status", { scanRef: "nope" }, { auth: "" }), "UNAUTHORIZED", 401);
  });

  it("unknown API paths are 404", async () => {
    const res = await fetch(`${sandbox.url}/api/v2/nothing-here`, {
      method: "POST",
      headers: { Authorization: AUTH },
    });
    expect(res.status).toBe(404);
  });
});

describe("client pages", () => {
  it("redirects a video token to its call page, which ends the call from a form", async () => {
    const token = (await post("/api/v2/token", { clientId: "c", tokenType: "VIDEO_CALL" })).json!;
    const redirect = await fetch(`${sandbox.url}/api/v2/redirect?authToken=${token.authToken}`, {
      redirect: "manual",
    });
    expect(redirect.status).toBe(302);
    const callPath = redirect.headers.get("location")!;
    const page = await fetch(`${sandbox.url}${callPath}`).then((r) => r.text());
    expect(page).toContain('<button type="submit">Finish call — success</button>');
    expect(page).toContain("Finish call — failure");
    await fetch(`${sandbox.url}${callPath}/finish`, {
      method: "POST",
      body: new URLSearchParams({ outcome: "failure" }),
    });
    const after = await fetch(`${sandbox.url}${callPath}`).then((r) => r.text());
    expect(after).toContain("Outcome: failure. Status: DENIED");
  });

  it("offers a result picker for identification tokens and refuses unknown tokens", async () => {
    const token = (await post("/api/v2/token", { clientId: "c" })).json!;
    const page = await fetch(`${sandbox.url}/api/v2/redirect?authToken=${token.authToken}`).then((r) =>
      r.text(),
    );
    expect(page).toContain("Finish — approved");
    const form = new URLSearchParams({ authToken: String(token.authToken), result: "APPROVED" });
    expect(
      await fetch(`${sandbox.url}/ui/finish`, { method: "POST", body: form }).then((r) => r.text()),
    ).toContain("APPROVED");
    expect((await fetch(`${sandbox.url}/api/v2/redirect?authToken=nope`)).status).toBe(404);
  });
});

describe("control API", () => {
  it("drives the same controls over HTTP", async () => {
    const token = (await post("/api/v2/token", { clientId: "c", tokenType: "VIDEO_CALL" })).json!;
    expect((await control({ action: "completeCall", scanRef: token.scanRef, success: true })).status).toBe(
      200,
    );
    const status = await post("/api/v2/status", { scanRef: token.scanRef });
    expect(status.json).toMatchObject({ status: "APPROVED" });
    const hooks = (await fetch(`${sandbox.url}/__control/webhooks`).then((r) => r.json())) as {
      outcome: string;
    }[];
    expect(hooks.map((h) => h.outcome)).toEqual(["no-url", "no-url"]);
    expect((await control({ action: "fail", kind: "429" })).status).toBe(200);
    expectError(await post("/api/v2/status", { scanRef: token.scanRef }), "TOO_MANY_REQUESTS", 429);
    expect((await control({ action: "completeCall", scanRef: "nope" })).status).toBe(404);
    expect((await control({ action: "completeCall", scanRef: token.scanRef })).status).toBe(409);
    expect((await control({ action: "bogus" })).status).toBe(400);
    const requests = (await fetch(`${sandbox.url}/__control/requests`).then((r) => r.json())) as {
      path: string;
    }[];
    expect(requests.map((r) => r.path)).toContain("/api/v2/status");
  });

  it("is absent when the sandbox starts with enableControlApi: false", async () => {
    const closed = await startSandbox({
      port: 0,
      apiKey: KEY,
      apiSecret: SECRET,
      signingKey: "x",
      enableControlApi: false,
    });
    try {
      expect(
        (await fetch(`${closed.url}/__control`, { method: "POST", body: '{"action":"reset"}' })).status,
      ).toBe(404);
    } finally {
      await closed.close();
    }
  });
});
