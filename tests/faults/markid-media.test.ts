// Archiving when the recording links' host misbehaves: a file that is not what it should be, one that never
// ends, a redirect elsewhere. Each is refused, nothing of it is stored, staff see why on the timeline, and a
// later good answer archives the file once.
import { readdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { archiveState, finishedCall, startFaultSandbox } from "./support";

// Read at first use: a 1 MiB video limit, so the sandbox's endless video crosses it after a few chunks.
process.env.MEDIA_MAX_VIDEO_BYTES = String(1024 * 1024);

let sandbox: Sandbox;
let elsewhere: Server;
let elsewhereUrl = "";
const elsewhereSeen: string[] = [];
let archiveRecordings: typeof import("@/lib/recordings/archive").archiveRecordings;
let getTimeline: typeof import("@/lib/verifications/timeline").getTimeline;

beforeAll(async () => {
  sandbox = await startFaultSandbox();
  ({ archiveRecordings } = await import("@/lib/recordings/archive"));
  ({ getTimeline } = await import("@/lib/verifications/timeline"));
  elsewhere = createServer((req, res) => {
    elsewhereSeen.push(req.url ?? "");
    res.writeHead(200, { "Content-Type": "image/png" }).end();
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => elsewhere.close(resolve));
});
beforeEach(() => sandbox.controls.reset());

async function filesOf(verificationId: string): Promise<string[]> {
  return (await readdir(path.join(process.env.MEDIA_DIR!, verificationId)).catch(() => [])).sort();
}

async function failures(verificationId: string) {
  const timeline = await getTimeline(verificationId);
  return timeline.filter((e) => e.action === "recording.archive_failed").map((e) => e.summary);
}

describe("archiving when the recordings' host misbehaves", () => {
  it("a file that is not the type it should be is refused, kept nowhere, and staff see why", async () => {
    const v = await finishedCall(sandbox, "media-wrong-type");
    sandbox.controls.failNextMedia("wrong-type", { media: "face", count: 2 });
    const outcome = await archiveRecordings(v.id);
    const reason = "The file is not a JPEG, PNG or WebP photo: its content is no recognisable file type.";
    expect(outcome).toMatchObject({ complete: false, missing: ["face photo"], archived: 3 });
    expect(outcome.error).toBe(`Face photo: ${reason}`);
    expect((await archiveState(v.id)).sourceKeys).toEqual(["VIDEO_0", "VIDEO_CALL_BACK", "VIDEO_CALL_FRONT"]);
    expect(await filesOf(v.id)).toEqual(["VIDEO_0", "VIDEO_CALL_BACK", "VIDEO_CALL_FRONT"]);
    expect(await failures(v.id)).toEqual([`face photo · ${reason}`]);

    // The job's retry meets the same refusal: the timeline does not repeat it.
    expect(await archiveRecordings(v.id)).toMatchObject({ complete: false, archived: 0 });
    expect(await failures(v.id)).toHaveLength(1);

    // The host answers properly again: the photo is archived, once, as the PNG it is.
    expect(await archiveRecordings(v.id)).toMatchObject({ complete: true, archived: 1 });
    const face = (await archiveState(v.id)).assets.find((a) => a.sourceKey === "VIDEO_CALL_FACE");
    expect(face?.contentType).toBe("image/png");
  });

  it("a video that never ends is stopped at the limit while streaming, leaving no partial file", async () => {
    const v = await finishedCall(sandbox, "media-oversized");
    sandbox.controls.failNextMedia("oversized", { media: "video" });
    const outcome = await archiveRecordings(v.id);
    expect(outcome.error).toBe("Video: The video is larger than the 1,048,576-byte limit.");
    expect(outcome.missing).toEqual(["video recording"]);
    expect(await filesOf(v.id)).toEqual(["VIDEO_CALL_BACK", "VIDEO_CALL_FACE", "VIDEO_CALL_FRONT"]);
    expect(await failures(v.id)).toEqual(["video · The video is larger than the 1,048,576-byte limit."]);

    expect(await archiveRecordings(v.id)).toMatchObject({ complete: true, archived: 1 });
    const video = (await archiveState(v.id)).assets.find((a) => a.kind === "VIDEO");
    expect(video?.contentType).toBe("video/webm");
  });

  it("a redirect to a host that is not listed is not followed", async () => {
    const v = await finishedCall(sandbox, "media-redirect");
    sandbox.controls.failNextMedia("redirect", { media: "back", location: `${elsewhereUrl}/collect` });
    const outcome = await archiveRecordings(v.id);
    const reason = `The recording link redirected to ${elsewhereUrl}, which is not in MARKID_MEDIA_HOSTS.`;
    expect(outcome.error).toBe(`Document back: ${reason}`);
    expect(elsewhereSeen).toEqual([]);
    expect(await failures(v.id)).toEqual([`document back · ${reason}`]);
    expect((await archiveState(v.id)).sourceKeys).not.toContain("VIDEO_CALL_BACK");
  });
});
