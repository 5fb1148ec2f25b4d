// markIdClient(): built from the validated environment, cached, and its logs carry no secrets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarkIdClient, markIdClient } from "@/lib/markid";
import { startSandbox, type Sandbox } from "@/sandbox/server";

let sandbox: Sandbox;

beforeAll(async () => {
  // The test environment's key and secret (tests/support/worker-setup.ts); only the URL points here.
  sandbox = await startSandbox({
    port: 0,
    apiKey: process.env.MARKID_API_KEY!,
    apiSecret: process.env.MARKID_API_SECRET!,
    signingKey: process.env.MARKID_WEBHOOK_SIGNING_KEY!,
  });
  process.env.MARKID_API_URL = sandbox.url;
});
afterAll(() => sandbox.close());

describe("markIdClient", () => {
  it("talks to MARKID_API_URL with the configured credentials and is built once", async () => {
    const client = markIdClient();
    expect(markIdClient()).toBe(client);
    const token = await client.createToken({ clientId: "env-client", tokenType: "VIDEO_CALL" });
    expect(token.ok).toBe(true);
  });
});

describe("logging", () => {
  it("logs method, path, status, duration and identifier, never secrets or tokens", async () => {
    const lines: string[] = [];
    const logger = {
      info: (obj: object, msg: string) => lines.push(JSON.stringify({ ...obj, msg })),
      warn: (obj: object, msg: string) => lines.push(JSON.stringify({ ...obj, msg })),
    };
    const client = createMarkIdClient({
      baseUrl: sandbox.url,
      apiKey: process.env.MARKID_API_KEY!,
      apiSecret: process.env.MARKID_API_SECRET!,
      timeoutMs: 5000,
      logger,
    });
    const token = await client.createToken({
      clientId: "log-client",
      tokenType: "VIDEO_CALL",
      firstName: "Secretname",
    });
    if (!token.ok) throw new Error(token.error.message);
    await client.getStatus("unknown-scan-ref");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ method: "POST", path: "/api/v2/token", status: 201 });
    expect(JSON.parse(lines[1]!)).toMatchObject({
      path: "/api/v2/status",
      status: 400,
      identifier: "BAD_VALUE",
    });
    expect(JSON.parse(lines[1]!)).toHaveProperty("durationMs");
    const all = lines.join("\n");
    for (const secret of [
      token.value.authToken,
      process.env.MARKID_API_SECRET!,
      "Basic ",
      "SECRETNAME",
      "log-client",
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
