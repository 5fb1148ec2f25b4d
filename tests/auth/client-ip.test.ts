// The client address the login throttle and the audit trail record: the socket's peer, and X-Forwarded-For
// only as far back as TRUSTED_PROXIES vouches for its hops. A client can write any X-Forwarded-For it likes.
import { mkdtemp } from "node:fs/promises";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientIp, type TrustedProxies } from "@/lib/auth/client-ip";
import { CLIENT_IP_HEADER, metaFromNode, stampClientIp } from "@/lib/request-meta";
import { createStaff } from "./support";
import { storeVideoFixture } from "../media/support";
import { startAppServer } from "../support/app-server";

const NONE = parseTrustedProxies(undefined);
const ONE_HOP = parseTrustedProxies("1");
const TWO_HOPS = parseTrustedProxies("2");
const OUR_NET = parseTrustedProxies("10.0.0.0/8, 2001:db8::/32, 192.0.2.7");

describe("resolving the client's address", () => {
  it.each<[string, TrustedProxies, string | null, string | null, string | null]>([
    // [what, trusted, peer, X-Forwarded-For, expected]
    ["none: the peer, whatever the header says", NONE, "203.0.113.9", "6.6.6.6", "203.0.113.9"],
    ["none: the peer when no header", NONE, "203.0.113.9", null, "203.0.113.9"],
    ["none: no peer, no address", NONE, null, "6.6.6.6", null],
    ["one hop: what our proxy appended", ONE_HOP, "10.0.0.2", "6.6.6.6, 203.0.113.9", "203.0.113.9"],
    ["two hops: past both proxies", TWO_HOPS, "10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1", "203.0.113.9"],
    ["two hops, one in the header: its first entry", TWO_HOPS, "10.0.0.2", "203.0.113.9", "203.0.113.9"],
    ["one hop without a header: the peer", ONE_HOP, "10.0.0.2", null, "10.0.0.2"],
    [
      "ranges: past our proxies to the first outsider",
      OUR_NET,
      "10.0.0.2",
      "6.6.6.6, 203.0.113.9, 10.9.9.9",
      "203.0.113.9",
    ],
    ["ranges: a single listed address is ours", OUR_NET, "192.0.2.7", "6.6.6.6, 203.0.113.9", "203.0.113.9"],
    ["ranges: a peer outside them is the client", OUR_NET, "203.0.113.9", "6.6.6.6", "203.0.113.9"],
    ["ranges: IPv6 proxies", OUR_NET, "2001:db8::5", "2001:db8:1::9, 2a00:1450::1", "2a00:1450::1"],
    ["ranges: an IPv4-mapped peer is read as IPv4", OUR_NET, "::ffff:10.0.0.2", "203.0.113.9", "203.0.113.9"],
    [
      "garbage where an address should be stops at the proxy",
      ONE_HOP,
      "10.0.0.2",
      "6.6.6.6, <script>",
      "10.0.0.2",
    ],
    ["a port is not an address", ONE_HOP, "10.0.0.2", "203.0.113.9:4444", "10.0.0.2"],
    ["an IPv4-mapped peer is stored as IPv4", NONE, "::ffff:127.0.0.1", null, "127.0.0.1"],
    ["a bracketed IPv6 hop is unwrapped", ONE_HOP, "10.0.0.2", "[2001:db8::1]", "2001:db8::1"],
  ])("%s", (_what, trusted, peer, forwarded, expected) => {
    expect(resolveClientIp(peer, forwarded, trusted)).toBe(expected);
  });
});

/** GET / with these headers from 127.0.0.1; the server answers what it stamped and what the audit meta says. */
function ask(base: string, headers: Record<string, string>): Promise<{ stamped: string | null; ip: string }> {
  return new Promise((resolve, reject) => {
    const req = request(base, { headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve(JSON.parse(text) as { stamped: string | null; ip: string }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the production server's view of a request", () => {
  let server: Server;
  let base = "";
  let trusted: TrustedProxies = NONE;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      stampClientIp(req, trusted);
      const stamped = req.headers[CLIENT_IP_HEADER] ?? null;
      res.end(JSON.stringify({ stamped, ip: metaFromNode(req).ip }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("by default uses the socket's address, and overwrites an address header a client sent", async () => {
    trusted = NONE;
    const answer = await ask(base, { "x-forwarded-for": "6.6.6.6", [CLIENT_IP_HEADER]: "1.2.3.4" });
    expect(answer).toEqual({ stamped: "127.0.0.1", ip: "127.0.0.1" });
  });

  it("with a hop count, takes the hop our proxy appended", async () => {
    trusted = ONE_HOP;
    expect((await ask(base, { "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).stamped).toBe("203.0.113.9");
  });

  it("with ranges, steps back only past addresses in them", async () => {
    trusted = parseTrustedProxies("127.0.0.0/8");
    expect((await ask(base, { "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).stamped).toBe("203.0.113.9");
    trusted = parseTrustedProxies("127.0.0.0/8, 203.0.113.0/24");
    expect((await ask(base, { "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).stamped).toBe("6.6.6.6");
    trusted = parseTrustedProxies("10.0.0.0/8");
    expect((await ask(base, { "x-forwarded-for": "6.6.6.6" })).stamped).toBe("127.0.0.1");
  });

  it("the fast paths' audit metadata follows TRUSTED_PROXIES (unset here: the socket)", async () => {
    trusted = ONE_HOP;
    expect((await ask(base, { "x-forwarded-for": "203.0.113.9" })).ip).toBe("127.0.0.1");
  });
});

describe("the audit trail on the Node media path", () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;

  beforeAll(async () => {
    process.env.MEDIA_DIR = await mkdtemp(path.join(os.tmpdir(), "mbo-client-ip-"));
    server = await startAppServer();
  });
  afterAll(() => server.close());

  it("records the socket's address, not the one a client wrote in X-Forwarded-For", async () => {
    const [{ getDb }, token] = await Promise.all([import("@/lib/db"), import("@/lib/auth/session-token")]);
    const mediaId = await storeVideoFixture("client-ip-1", Buffer.from("video bytes"));
    const lead = await createStaff("LEAD", { enrolled: true });
    const claims = { sub: lead.id, role: lead.role, sv: lead.sessionVersion, loginAt: token.nowSeconds() };
    const cookie = `${token.sessionCookie().name}=${await token.reissueSessionToken(claims)}`;
    const response = await fetch(`${server.base}/api/media/${mediaId}?download=1`, {
      headers: { cookie, "x-forwarded-for": "6.6.6.6", "x-request-id": "lb-42" },
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const event = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "recording.downloaded", actorId: lead.id },
    });
    expect(event.ip).toBe("127.0.0.1");
    expect(event.requestId).toMatch(/^[0-9a-f-]{36} client=lb-42$/);
  });
});
