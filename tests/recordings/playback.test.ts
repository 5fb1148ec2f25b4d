// The player's reports of what it played, as the server action receives them, on real PostgreSQL.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setSessionCookie } from "../support/next-headers-mock";
import { caseWith, form, sessionCookieFor, staffMember, type Staff } from "../support/case-fixtures";

vi.mock("next/headers", () => import("../support/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let report: typeof import("@/lib/recordings/playback-actions").reportPlayback;
let db: ReturnType<typeof import("@/lib/db").getDb>;
let officer: Staff;
let ops: Staff;

beforeAll(async () => {
  report = (await import("@/lib/recordings/playback-actions")).reportPlayback;
  db = (await import("@/lib/db")).getDb();
  [officer, ops] = await Promise.all([staffMember("OFFICER"), staffMember("OPS")]);
  setSessionCookie(await sessionCookieFor(officer));
});

const send = (c: { id: string }, mediaId: string, ranges: unknown, durationSeconds = 100) =>
  report(
    c.id,
    mediaId,
    {},
    form({ durationSeconds: String(durationSeconds), ranges: JSON.stringify(ranges) }),
  );
const playback = (mediaAssetId: string) =>
  db.mediaPlayback.findUniqueOrThrow({
    where: { staffUserId_mediaAssetId: { staffUserId: officer.id, mediaAssetId } },
  });
const watchedEvents = (targetId: string) =>
  db.auditEvent.findMany({ where: { targetId, action: "recording.watched" }, orderBy: { id: "asc" } });

describe("reportPlayback", () => {
  it("merges each report with the earlier ones and pins the video's length to the first report", async () => {
    const c = await caseWith({ media: ["VIDEO"] });
    const video = c.media.VIDEO!;
    expect(
      await send(c, video, [
        [0, 10],
        [30, 40],
      ]),
    ).toMatchObject({ ok: true });
    expect(
      await send(
        c,
        video,
        [
          [35, 50],
          [5, 12],
          [0, 10],
        ],
        100.4,
      ),
    ).toMatchObject({ ok: true });
    expect(await playback(video)).toMatchObject({
      ranges: [
        [0, 12],
        [30, 50],
      ],
      durationSeconds: 100,
    });
    expect((await db.mediaAsset.findUniqueOrThrow({ where: { id: video } })).durationSeconds).toBe(100);

    // A different length is a different file, or a report shrinking the video: refused, nothing stored.
    expect(await send(c, video, [[0, 60]], 60)).toMatchObject({ ok: false, message: /length/ });
    expect((await playback(video)).ranges).toEqual([
      [0, 12],
      [30, 50],
    ]);
  });

  it("refuses malformed reports before storing anything", async () => {
    const c = await caseWith({ media: ["VIDEO"] });
    const video = c.media.VIDEO!;
    const refused = { ok: false, fieldErrors: expect.any(Object) };
    expect(await send(c, video, [[0, 120]])).toMatchObject(refused); // beyond the video's end
    expect(await send(c, video, [[-1, 5]])).toMatchObject(refused);
    expect(await send(c, video, [[20, 10]])).toMatchObject(refused);
    expect(await send(c, video, [[0, 1]], 0)).toMatchObject(refused);
    expect(await send(c, video, [[0, 1]], 7 * 3600)).toMatchObject(refused);
    expect(
      await send(
        c,
        video,
        Array.from({ length: 201 }, (_, i) => [i * 0.1, i * 0.1 + 0.01]),
      ),
    ).toMatchObject(refused);
    expect(await report(c.id, video, {}, form({ durationSeconds: "100", ranges: "[[0," }))).toMatchObject(
      refused,
    );
    expect(await db.mediaPlayback.count({ where: { mediaAssetId: video } })).toBe(0);
    expect((await db.mediaAsset.findUniqueOrThrow({ where: { id: video } })).durationSeconds).toBeNull();
  });

  it("audits each new 10% step once, with ids and the share only", async () => {
    const c = await caseWith({ media: ["VIDEO"] });
    const video = c.media.VIDEO!;
    await send(c, video, [[0, 5]]);
    expect(await watchedEvents(c.id)).toHaveLength(0);
    await send(c, video, [[0, 25]]);
    await send(c, video, [[0, 25]]);
    await send(c, video, [[20, 29]]);
    await send(c, video, [[60, 75]]);
    const events = await watchedEvents(c.id);
    expect(events.map((e) => e.details)).toEqual([
      { mediaId: video, share: 0.2 },
      { mediaId: video, share: 0.4 },
    ]);
    expect(events.every((e) => e.actorId === officer.id)).toBe(true);
  });

  it("answers not found for a case the officer may not see", async () => {
    const colleague = await staffMember("OFFICER");
    const c = await caseWith({ media: ["VIDEO"], assigneeId: colleague.id });
    expect(await send(c, c.media.VIDEO!, [[0, 5]])).toMatchObject({ ok: false, notFound: true });
    expect(await db.mediaPlayback.count({ where: { mediaAssetId: c.media.VIDEO! } })).toBe(0);
  });

  it("refuses a recording of another case or a photo, and roles that do not decide", async () => {
    const c = await caseWith({ media: ["VIDEO", "FACE_PHOTO"] });
    const other = await caseWith({ media: ["VIDEO"] });
    expect(await send(c, other.media.VIDEO!, [[0, 5]])).toMatchObject({ ok: false, message: /not a video/ });
    expect(await send(c, c.media.FACE_PHOTO!, [[0, 5]])).toMatchObject({ ok: false, message: /not a video/ });
    expect(await db.mediaPlayback.count({ where: { mediaAssetId: other.media.VIDEO! } })).toBe(0);

    setSessionCookie(await sessionCookieFor(ops));
    try {
      await expect(send(c, c.media.VIDEO!, [[0, 5]])).rejects.toThrow();
    } finally {
      setSessionCookie(await sessionCookieFor(officer));
    }
    expect(await db.mediaPlayback.count({ where: { mediaAssetId: c.media.VIDEO! } })).toBe(0);
  });
});
