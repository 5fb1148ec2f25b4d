import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { startAppSandbox } from "../support/sandbox-env";

let sandbox: Sandbox;
let app: {
  archiveRecordings: typeof import("@/lib/recordings/archive").archiveRecordings;
  db: ReturnType<typeof import("@/lib/db").getDb>;
  markid: ReturnType<typeof import("@/lib/markid").markIdClient>;
  storage: ReturnType<typeof import("@/lib/media/storage").mediaStorage>;
};

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const [{ archiveRecordings }, { getDb }, { markIdClient }, { mediaStorage }] = await Promise.all([
    import("@/lib/recordings/archive"),
    import("@/lib/db"),
    import("@/lib/markid"),
    import("@/lib/media/storage"),
  ]);
  app = { archiveRecordings, db: getDb(), markid: markIdClient(), storage: mediaStorage() };
});
afterAll(() => sandbox.close());

async function finishedCall(clientId: string, photos = true) {
  const token = await app.markid.createToken({
    clientId,
    tokenType: photos ? "VIDEO_CALL_PHOTOS" : "VIDEO_CALL",
  });
  if (!token.ok) throw new Error(token.error.message);
  const v = await app.db.verification.create({
    data: {
      scanRef: token.value.scanRef,
      clientId,
      tokenType: photos ? "VIDEO_CALL_PHOTOS" : "VIDEO_CALL",
    },
  });
  const call = await app.markid.createVideoCall({ scanRef: v.scanRef, photos });
  if (!call.ok) throw new Error(call.error.message);
  sandbox.controls.completeCall(v.scanRef, { success: true });
  return v;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function bytesOf(key: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of await app.storage.read(key)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("archiveRecordings", () => {
  it("stores every photo and the video with its real SHA-256, size and type, once", async () => {
    const v = await finishedCall("archive-1");
    const outcome = await app.archiveRecordings(v.id);
    expect(outcome).toMatchObject({ complete: true, missing: [], archived: 4 });

    const assets = await app.db.mediaAsset.findMany({
      where: { verificationId: v.id },
      orderBy: { kind: "asc" },
    });
    expect(assets.map((a) => a.kind).sort()).toEqual([
      "DOCUMENT_BACK",
      "DOCUMENT_FRONT",
      "FACE_PHOTO",
      "VIDEO",
    ]);
    const fixture = await readFile(path.resolve("sandbox/fixtures/call.webm"));
    const video = assets.find((a) => a.kind === "VIDEO")!;
    expect(video.sha256).toBe(sha256(fixture));
    expect(Number(video.sizeBytes)).toBe(fixture.length);
    expect(video.contentType).toBe("video/webm");
    // The fixture's own WebM header states 4.003 s; photos have no length.
    expect(video.durationMs).toBe(4003);
    expect(assets.filter((a) => a.kind !== "VIDEO").map((a) => a.durationMs)).toEqual([null, null, null]);
    for (const asset of assets) expect(sha256(await bytesOf(asset.storageKey))).toBe(asset.sha256);

    const again = await app.archiveRecordings(v.id);
    expect(again).toMatchObject({ complete: true, archived: 0 });
    expect(await app.db.mediaAsset.count({ where: { verificationId: v.id } })).toBe(4);
    const audits = await app.db.auditEvent.count({ where: { targetId: v.id, action: "recording.archived" } });
    expect(audits).toBe(4);
  });

  it("tells the bank's systems once that the evidence is archived, when two runs race", async () => {
    await app.db.webhookEndpoint.create({
      data: { url: "https://bank.example/archived", events: ["recordings.archived"], secretSealed: "sealed" },
    });
    const v = await finishedCall("archive-race");
    const runs = await Promise.all([app.archiveRecordings(v.id), app.archiveRecordings(v.id)]);
    expect(runs.map((r) => r.complete)).toEqual([true, true]);
    const again = await app.archiveRecordings(v.id);
    expect(again.archived).toBe(0);
    const events = await app.db.webhookDelivery.findMany({
      where: { verificationId: v.id, eventType: "recordings.archived" },
    });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.body).data).toMatchObject({ verificationId: v.id, files: 4 });
  });

  it("asks MarkID for the record again when a link expired before the download", async () => {
    const v = await finishedCall("archive-expired");
    const recordCalls = () =>
      sandbox.controls.requests().filter((r) => r.path === "/api/v2/video-call-record").length;
    const before = recordCalls();
    // The video's link has expired by the time it is downloaded: its host answers as S3 does then.
    sandbox.controls.failNextMedia("expired", { media: "video" });
    const outcome = await app.archiveRecordings(v.id);
    expect(outcome.complete).toBe(true);
    expect(recordCalls() - before).toBe(2);
    expect(await app.db.mediaAsset.count({ where: { verificationId: v.id } })).toBe(4);
  });

  it("reports what is missing when MarkID has nothing yet, and stores nothing", async () => {
    const token = await app.markid.createToken({ clientId: "archive-early", tokenType: "VIDEO_CALL_PHOTOS" });
    if (!token.ok) throw new Error(token.error.message);
    const v = await app.db.verification.create({
      data: { scanRef: token.value.scanRef, clientId: "archive-early", tokenType: "VIDEO_CALL_PHOTOS" },
    });
    const outcome = await app.archiveRecordings(v.id);
    expect(outcome.complete).toBe(false);
    expect(outcome.missing).toEqual(["face photo", "document front", "document back", "video recording"]);
    expect(await app.db.mediaAsset.count({ where: { verificationId: v.id } })).toBe(0);
  });
});
