import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { storeVideoFixture } from "./support";

let app: {
  serveMedia: typeof import("@/lib/media/serve").serveMedia;
  mediaAccess: typeof import("@/lib/auth/record-access").mediaAccess;
  db: ReturnType<typeof import("@/lib/db").getDb>;
};
let mediaId = "";
const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const user = { id: "", email: "officer@test", name: "Officer", role: "OFFICER" as const };
const meta = { requestId: "req-1", ip: "203.0.113.9", userAgent: "vitest" };

beforeAll(async () => {
  process.env.MEDIA_DIR = await mkdtemp(path.join(os.tmpdir(), "mbo-serve-"));
  const [{ serveMedia }, { mediaAccess }, { getDb }] = await Promise.all([
    import("@/lib/media/serve"),
    import("@/lib/auth/record-access"),
    import("@/lib/db"),
  ]);
  app = { serveMedia, mediaAccess, db: getDb() };
  const staff = await app.db.staffUser.create({
    data: { email: user.email, name: user.name, role: "OFFICER" },
  });
  user.id = staff.id;
  mediaId = await storeVideoFixture("serve-1", BYTES);
});

async function get(headers: Record<string, string> = {}, query = "") {
  const asset = await app.mediaAccess(user, mediaId, "recording:view");
  if (!asset) throw new Error("the fixture's recording should be the officer's to see");
  return app.serveMedia(
    user,
    meta,
    asset,
    new Request(`http://localhost/api/media/${mediaId}${query}`, { headers }),
  );
}

describe("the media route", () => {
  it("serves the whole file privately, uncached", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-type")).toBe("video/webm");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(BYTES);
  });

  it("answers a Range with 206 and exactly those bytes", async () => {
    const res = await get({ range: "bytes=100-199" });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(res.headers.get("content-length")).toBe("100");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(BYTES.subarray(100, 200));
  });

  it("answers an unsatisfiable Range with 416", async () => {
    const res = await get({ range: "bytes=5000-" });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe("bytes */1000");
  });

  it("audits a view once when it starts and every download, with who and from where", async () => {
    const count = (action: string) => app.db.auditEvent.count({ where: { action, actorId: user.id } });
    const views = await count("recording.viewed");
    await get({ range: "bytes=0-99" });
    await get({ range: "bytes=100-199" });
    expect(await count("recording.viewed")).toBe(views + 1);
    const downloads = await count("recording.downloaded");
    const res = await get({}, "?download=1");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(await count("recording.downloaded")).toBe(downloads + 1);
    const last = await app.db.auditEvent.findFirst({ where: { actorId: user.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ ip: "203.0.113.9", requestId: "req-1", userAgent: "vitest" });
  });

  it("finds nothing to serve for an unknown id", async () => {
    expect(await app.mediaAccess(user, "00000000-0000-4000-8000-000000000000", "recording:view")).toBeNull();
  });
});
