// The two URLs the app server answers before Next never pass through proxy.ts, so they must send its headers
// themselves. Every answer of each fast path is compared with what proxy.ts itself sets on an API response
// (called here, not copied), and a request for any other URL must reach Next's handler untouched.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff, enrol } from "../auth/support";
import { storeVideoFixture } from "../media/support";
import { startAppServer, type RunningAppServer } from "../support/app-server";
import { sign } from "../webhooks/helpers";

let server: RunningAppServer;
let mediaId = "";
let cookieFor: (role: "OFFICER" | "OPS") => Promise<string>;
const MISSING = "00000000-0000-4000-8000-000000000000";

/** The headers proxy.ts puts on a response to this API path (Next's own x-middleware-* aside). */
async function proxyHeaders(pathname: string): Promise<Headers> {
  const { default: proxy } = await import("@/proxy");
  const response = await proxy(new NextRequest(`http://localhost${pathname}`));
  const headers = new Headers();
  for (const [name, value] of response.headers)
    if (!name.startsWith("x-middleware-")) headers.set(name, value);
  return headers;
}

beforeAll(async () => {
  process.env.MEDIA_DIR = await mkdtemp(path.join(os.tmpdir(), "mbo-fast-paths-"));
  server = await startAppServer();
  mediaId = await storeVideoFixture("fast-paths-1", Buffer.alloc(1000, 7));
  const token = await import("@/lib/auth/session-token");
  cookieFor = async (role) => {
    const user = await createStaff(role);
    await enrol(user.id);
    const claims = { sub: user.id, role, sv: user.sessionVersion, loginAt: token.nowSeconds() };
    return `${token.sessionCookie().name}=${await token.reissueSessionToken(claims)}`;
  };
});
afterAll(() => server.close());

const webhook = (body: string, signature?: string) =>
  fetch(`${server.base}/api/webhooks/markid`, {
    method: "POST",
    body,
    headers: signature === undefined ? {} : { "Idenfy-Signature": signature },
  });
const media = (id: string, headers: Record<string, string> = {}) =>
  fetch(`${server.base}/api/media/${id}`, { headers });

async function answers(): Promise<Array<[string, Response]>> {
  const officer = await cookieFor("OFFICER");
  const body = JSON.stringify({ scanRef: "fast-paths", final: false, status: {} });
  return [
    ["webhook 200", await webhook(body, sign(body))],
    ["webhook 400", await webhook("not json", sign("not json"))],
    ["webhook 401", await webhook(body)],
    ["webhook 413", await webhook(" ".repeat(300 * 1024), sign("x"))],
    ["media 200", await media(mediaId, { cookie: officer })],
    ["media 206", await media(mediaId, { cookie: officer, range: "bytes=0-9" })],
    ["media 416", await media(mediaId, { cookie: officer, range: "bytes=5000-" })],
    ["media 401", await media(mediaId)],
    ["media 403", await media(mediaId, { cookie: await cookieFor("OPS") })],
    ["media 404", await media(MISSING, { cookie: officer })],
  ];
}

describe("the app server's fast paths", () => {
  it("answer every case with each header proxy.ts sets, and a policy at least as strict", async () => {
    const expected = await proxyHeaders(`/api/media/${mediaId}`);
    expect([...expected.keys()]).toEqual(
      expect.arrayContaining(["content-security-policy", "x-frame-options", "strict-transport-security"]),
    );
    for (const [name, response] of await answers()) {
      await response.arrayBuffer();
      // Each case really got the answer it names.
      expect(String(response.status), name).toBe(name.split(" ")[1]);
      for (const [header, value] of expected) {
        if (header === "content-security-policy") continue;
        expect(response.headers.get(header), `${name}: ${header}`).toBe(value);
      }
      // Nothing in these answers is a page: no script, frame or form of any origin.
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, name).toContain("default-src 'none'");
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(response.headers.get("cache-control"), name).toMatch(/no-store/);
    }
  });

  it("leave every other request to Next, including other methods on the same paths", async () => {
    const next = async (url: string, init?: RequestInit) =>
      (await fetch(`${server.base}${url}`, init)).text();
    const NEXT = "Next is not running in this test.";
    expect(await next("/api/webhooks/markid")).toBe(NEXT);
    expect(await next(`/api/media/${mediaId}`, { method: "POST" })).toBe(NEXT);
    expect(await next(`/api/media/${mediaId}/x`)).toBe(NEXT);
    expect(await next("/login")).toBe(NEXT);
  });
});
