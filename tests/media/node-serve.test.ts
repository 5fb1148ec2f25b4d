// Recording ranges on the app server's fast path, the only handler of /api/media/<id>: the DAL decides from the
// Cookie header exactly as authorizeRoute does from cookies(), over a real socket.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff } from "../auth/support";
import { startAppServer, type RunningAppServer } from "../support/app-server";
import { storeVideoFixture } from "./support";

const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 251));
let server: RunningAppServer;
let base = "";
let mediaId = "";
let app: {
  db: ReturnType<typeof import("@/lib/db").getDb>;
  cookieFor: (user: { id: string; role: string; sessionVersion: number }) => Promise<string>;
  mediaRequestId: typeof import("@/lib/media/node-serve").mediaRequestId;
};

beforeAll(async () => {
  process.env.MEDIA_DIR = await mkdtemp(path.join(os.tmpdir(), "mbo-node-serve-"));
  const [{ getDb }, node, token] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/media/node-serve"),
    import("@/lib/auth/session-token"),
  ]);
  const cookieFor = async (user: { id: string; role: string; sessionVersion: number }) => {
    const claims = { sub: user.id, role: user.role, sv: user.sessionVersion, loginAt: token.nowSeconds() };
    return `other=1; ${token.sessionCookie().name}=${await token.reissueSessionToken(claims)}`;
  };
  app = { db: getDb(), cookieFor, mediaRequestId: node.mediaRequestId };
  mediaId = await storeVideoFixture("node-serve-1", BYTES);
  server = await startAppServer();
  base = server.base;
});
afterAll(() => server.close());

const get = (headers: Record<string, string>) => fetch(`${base}/api/media/${mediaId}`, { headers });
const views = () =>
  app.db.auditEvent.count({
    where: { action: "recording.viewed", details: { path: ["mediaId"], equals: mediaId } },
  });

describe("media on the production server's Node path", () => {
  it("answers 401 without a valid session and 403 to a role without recording:view", async () => {
    expect((await get({ range: "bytes=0-9" })).status).toBe(401);
    expect((await get({ cookie: "next-auth.session-token=forged", range: "bytes=0-9" })).status).toBe(401);
    const ops = await createStaff("OPS", { enrolled: true });
    const denied = await get({ cookie: await app.cookieFor(ops), range: "bytes=0-9" });
    expect(denied.status).toBe(403);
    expect(denied.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves a range to an officer, audits any range once per window, and re-checks the account each time", async () => {
    const officer = await createStaff("OFFICER", { enrolled: true });
    const cookie = await app.cookieFor(officer);
    const before = await views();
    // A read that skips byte 0 is audited like any other: the same rule as lib/media/serve.ts's.
    const middle = await get({ cookie, range: "bytes=100-199" });
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe(`bytes 100-199/${BYTES.length}`);
    expect(Buffer.from(await middle.arrayBuffer()).equals(BYTES.subarray(100, 200))).toBe(true);
    expect(await views()).toBe(before + 1);

    const start = await get({ cookie, range: "bytes=0-" });
    expect(start.status).toBe(206);
    expect(Buffer.from(await start.arrayBuffer()).equals(BYTES)).toBe(true);
    expect(await views()).toBe(before + 1);

    // Ten minutes on, the same person's next range is a new read.
    await app.db.$executeRaw`UPDATE media_read_audits SET "auditedAt" = "auditedAt" - interval '10 minutes'
      WHERE "staffUserId" = ${officer.id}::uuid AND "mediaAssetId" = ${mediaId}::uuid`;
    expect((await get({ cookie, range: "bytes=1-" })).status).toBe(206);
    expect(await views()).toBe(before + 2);

    await app.db.staffUser.update({ where: { id: officer.id }, data: { active: false } });
    expect((await get({ cookie, range: "bytes=0-9" })).status).toBe(401);
  });

  it("takes only GETs of a media id; everything else is Next's", () => {
    const id = "0b7e4b1e-6c1f-4d5e-9a3b-2f1c0d9e8a7b";
    const req = (method: string, url: string) => ({ method, url });
    expect(app.mediaRequestId(req("GET", `/api/media/${id}`))).toBe(id);
    expect(app.mediaRequestId(req("GET", `/api/media/${id}?download=1`))).toBe(id);
    expect(app.mediaRequestId(req("HEAD", `/api/media/${id}`))).toBeNull();
    expect(app.mediaRequestId(req("GET", "/api/media/not-a-uuid"))).toBeNull();
    expect(app.mediaRequestId(req("GET", `/api/media/${id}/x`))).toBeNull();
  });
});
