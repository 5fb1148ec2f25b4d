import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { beforeAll, describe, expect, it } from "vitest";
import { storeVideoFixture } from "./support";

let app: {
  serveMedia: typeof import("@/lib/media/serve").serveMedia;
  mediaAccess: typeof import("@/lib/auth/record-access").mediaAccess;
  db: ReturnType<typeof import("@/lib/db").getDb>;
};
let mediaId = "";
const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const user = { id: "", email: "officer@test", name: "Officer", role: "OFFICER" as const, scopeDates: null };
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

async function getAs(reader: typeof user, headers: Record<string, string> = {}, query = "") {
  const asset = await app.mediaAccess(reader, mediaId, "recording:view");
  if (!asset) throw new Error("the fixture's recording should be this reader's to see");
  return app.serveMedia(reader, meta, asset, {
    url: `/api/media/${mediaId}${query}`,
    range: headers.range ?? null,
  });
}

const get = (headers: Record<string, string> = {}, query = "") => getAs(user, headers, query);

async function newOfficer(): Promise<typeof user> {
  const email = `officer-${randomUUID()}@test`;
  const staff = await app.db.staffUser.create({ data: { email, name: "Officer", role: "OFFICER" } });
  return { id: staff.id, email, name: "Officer", role: "OFFICER", scopeDates: null };
}

/** Time passing, as the window sees it: the reader's last audited read of the file, `minutes` earlier. */
async function moveWindowBack(readerId: string, minutes: number): Promise<void> {
  const moved = await app.db.$executeRaw`UPDATE media_read_audits
    SET "auditedAt" = "auditedAt" - make_interval(mins => ${minutes}::int)
    WHERE "staffUserId" = ${readerId}::uuid AND "mediaAssetId" = ${mediaId}::uuid`;
  expect(moved).toBe(1);
}

describe("the media route", () => {
  it("serves the whole file privately, uncached", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-type")).toBe("video/webm");
    expect(await buffer(res.body!)).toEqual(BYTES);
  });

  it("answers a Range with 206 and exactly those bytes", async () => {
    const res = await get({ range: "bytes=100-199" });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(res.headers.get("content-length")).toBe("100");
    expect(await buffer(res.body!)).toEqual(BYTES.subarray(100, 200));
  });

  it("answers an unsatisfiable Range with 416", async () => {
    const res = await get({ range: "bytes=5000-" });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe("bytes */1000");
  });

  it("audits a view and a download with who and from where", async () => {
    const reader = await newOfficer();
    const count = (action: string) => app.db.auditEvent.count({ where: { action, actorId: reader.id } });
    await getAs(reader, { range: "bytes=0-99" });
    await getAs(reader, { range: "bytes=100-199" });
    expect(await count("recording.viewed")).toBe(1);
    const res = await getAs(reader, {}, "?download=1");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(await count("recording.downloaded")).toBe(1);
    const last = await app.db.auditEvent.findFirst({
      where: { actorId: reader.id },
      orderBy: { id: "desc" },
    });
    expect(last).toMatchObject({ ip: "203.0.113.9", requestId: "req-1", userAgent: "vitest" });
  });

  it("audits a read that starts past byte 0, once per person and file within the window", async () => {
    const reader = await newOfficer();
    const views = () =>
      app.db.auditEvent.findMany({ where: { action: "recording.viewed", actorId: reader.id } });
    // bytes=1- hands out all but one byte of the video: it is a read like any other.
    const copy = await getAs(reader, { range: "bytes=1-" });
    expect(copy.status).toBe(206);
    expect(await buffer(copy.body!)).toEqual(BYTES.subarray(1));
    const first = await views();
    expect(first).toHaveLength(1);
    expect(first[0]!.details).toEqual({ mediaId, kind: "VIDEO", range: "1-999" });

    // The player's further ranges within ten minutes are the same read.
    for (const range of ["bytes=500-599", "bytes=0-", "bytes=-10"]) {
      expect((await getAs(reader, { range })).status).toBe(206);
    }
    expect(await getAs(reader)).toHaveProperty("status", 200);
    expect(await views()).toHaveLength(1);

    // Ten minutes later (the last audited read moved back in time), the next range is a new read.
    await moveWindowBack(reader.id, 10);
    await getAs(reader, { range: "bytes=2-" });
    expect(await views()).toHaveLength(2);
    await getAs(reader, { range: "bytes=3-" });
    expect(await views()).toHaveLength(2);
  });

  it("keeps one window per person and file, and claims it once when ranges race", async () => {
    const [a, b] = [await newOfficer(), await newOfficer()];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => getAs(i % 2 ? a : b, { range: `bytes=${i * 10}-` })),
    );
    const count = (actorId: string) =>
      app.db.auditEvent.count({ where: { action: "recording.viewed", actorId } });
    expect(await count(a.id)).toBe(1);
    expect(await count(b.id)).toBe(1);
    // A range that is refused (416) hands out nothing and is not a read.
    const c = await newOfficer();
    expect((await getAs(c, { range: "bytes=5000-" })).status).toBe(416);
    expect(await count(c.id)).toBe(0);
  });

  it("audits every download, even within a view's window", async () => {
    const reader = await newOfficer();
    await getAs(reader, { range: "bytes=0-" });
    await getAs(reader, {}, "?download=1");
    await getAs(reader, { range: "bytes=10-" }, "?download=1");
    const actions = await app.db.auditEvent.findMany({
      where: { actorId: reader.id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "recording.viewed",
      "recording.downloaded",
      "recording.downloaded",
    ]);
  });

  it("serves only our own types as such: a type stored before the checks goes out as opaque bytes", async () => {
    const asset = await app.db.mediaAsset.findUniqueOrThrow({ where: { id: mediaId } });
    await app.db.mediaAsset.update({ where: { id: mediaId }, data: { contentType: "text/html" } });
    try {
      const res = await get({ range: "bytes=0-9" });
      expect(res.headers.get("content-type")).toBe("application/octet-stream");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    } finally {
      await app.db.mediaAsset.update({ where: { id: mediaId }, data: { contentType: asset.contentType } });
    }
  });

  it("finds nothing to serve for an unknown id", async () => {
    expect(await app.mediaAccess(user, "00000000-0000-4000-8000-000000000000", "recording:view")).toBeNull();
  });
});
