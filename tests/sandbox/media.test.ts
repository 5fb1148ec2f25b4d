// Recording links: real files, right headers, 403 after expiry or with a bad signature.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMarkIdClient, type MarkIdClient } from "@/lib/markid";
import { startSandbox, type Sandbox } from "@/sandbox/server";

const KEY = "media-key";
const SECRET = "media-secret";
let sandbox: Sandbox;
let client: MarkIdClient;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    apiKey: KEY,
    apiSecret: SECRET,
    signingKey: "media-signing",
    mediaTtlSeconds: 3600,
  });
  client = createMarkIdClient({ baseUrl: sandbox.url, apiKey: KEY, apiSecret: SECRET, timeoutMs: 5000 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.controls.reset());

async function finishedCallRecord() {
  const token = await client.createToken({ clientId: "media", tokenType: "VIDEO_CALL_PHOTOS" });
  if (!token.ok) throw new Error(token.error.message);
  await client.createVideoCall({ scanRef: token.value.scanRef, photos: true });
  sandbox.controls.completeCall(token.value.scanRef);
  const record = await client.getVideoCallRecord(token.value.scanRef);
  if (!record.ok) throw new Error(record.error.message);
  return { scanRef: token.value.scanRef, ...record.value };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const WEBM = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

describe("media links", () => {
  it("serve real PNG photos and a WebM video with Content-Type and Content-Length", async () => {
    const { photos, videos } = await finishedCallRecord();
    for (const url of [photos.VIDEO_CALL_FACE!, photos.VIDEO_CALL_FRONT!, photos.VIDEO_CALL_BACK!]) {
      expect(url).toMatch(/\/media\/[^?]+\?Expires=\d+&Signature=[0-9a-f]{64}$/);
      const res = await fetch(url);
      const body = Buffer.from(await res.arrayBuffer());
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(Number(res.headers.get("content-length"))).toBe(body.length);
      expect(body.subarray(0, 4)).toEqual(PNG);
      expect(body.length).toBeGreaterThan(2_000);
      expect(body.length).toBeLessThan(50_000);
    }
    const video = await fetch(videos[0]!);
    const bytes = Buffer.from(await video.arrayBuffer());
    expect(video.headers.get("content-type")).toBe("video/webm");
    expect(Number(video.headers.get("content-length"))).toBe(bytes.length);
    expect(bytes.subarray(0, 4)).toEqual(WEBM);
    expect(bytes.length).toBeLessThan(300_000);
  });

  it("answer 403 once the sandbox clock passes Expires, and fresh links work again", async () => {
    const { scanRef, videos } = await finishedCallRecord();
    expect((await fetch(videos[0]!, { method: "HEAD" })).status).toBe(200);
    sandbox.controls.advanceClock(3601);
    const expired = await fetch(videos[0]!);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("Request has expired");
    const fresh = await client.getVideoCallRecord(scanRef);
    expect(fresh.ok && (await fetch(fresh.value.videos[0]!)).status).toBe(200);
  });

  it("answer 403 to a tampered signature, a tampered expiry and a missing signature", async () => {
    const { videos } = await finishedCallRecord();
    const url = new URL(videos[0]!);
    const sig = url.searchParams.get("Signature")!;
    const flipped = new URL(url);
    flipped.searchParams.set("Signature", `${sig.slice(0, -1)}${sig.endsWith("0") ? "1" : "0"}`);
    const later = new URL(url);
    later.searchParams.set("Expires", String(Number(url.searchParams.get("Expires")) + 3600));
    const unsigned = new URL(url);
    unsigned.searchParams.delete("Signature");
    for (const bad of [flipped, later, unsigned]) expect((await fetch(bad)).status).toBe(403);
  });

  it("are gone after the data is deleted", async () => {
    const { scanRef, videos } = await finishedCallRecord();
    expect((await client.deleteData(scanRef)).ok).toBe(true);
    expect((await fetch(videos[0]!)).status).toBe(404);
  });

  it("misbehave on request (failMedia), for one kind of file and a given number of times", async () => {
    const { photos, videos } = await finishedCallRecord();
    const control = (body: Record<string, unknown>) =>
      fetch(`${sandbox.url}/__control`, {
        method: "POST",
        body: JSON.stringify({ action: "failMedia", ...body }),
      });
    expect((await control({ kind: "redirect" })).status).toBe(400);
    expect((await control({ kind: "expired", media: "video" })).status).toBe(200);
    expect((await fetch(photos.VIDEO_CALL_FACE!)).status).toBe(200);
    const expired = await fetch(videos[0]!);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("Request has expired");
    expect((await fetch(videos[0]!)).status).toBe(200);

    sandbox.controls.failNextMedia("wrong-type", { media: "face" });
    const page = await fetch(photos.VIDEO_CALL_FACE!);
    expect(page.headers.get("content-type")).toBe("image/png");
    expect(await page.text()).toContain("<html>");

    sandbox.controls.failNextMedia("redirect", { location: "https://elsewhere.example/x" });
    const moved = await fetch(photos.VIDEO_CALL_BACK!, { redirect: "manual" });
    expect(moved.status).toBe(302);
    expect(moved.headers.get("location")).toBe("https://elsewhere.example/x");

    sandbox.controls.failNextMedia("oversized", { media: "video", extraBytes: 128 * 1024 });
    const big = await fetch(videos[0]!);
    expect(big.headers.get("content-length")).toBeNull();
    expect((await big.arrayBuffer()).byteLength).toBeGreaterThan(128 * 1024);
  });

  it("serve a generated video of any size on request (setVideoSize), the same bytes each time", async () => {
    const { videos, photos } = await finishedCallRecord();
    const size = 3 * 1024 * 1024 + 5;
    sandbox.controls.setVideoSize(size);
    const head = await fetch(videos[0]!, { method: "HEAD" });
    expect(Number(head.headers.get("content-length"))).toBe(size);
    const first = await fetch(videos[0]!);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(first.headers.get("content-type")).toBe("video/webm");
    expect(Number(first.headers.get("content-length"))).toBe(size);
    expect(bytes.length).toBe(size);
    expect(bytes.subarray(0, 4)).toEqual(WEBM);
    const again = Buffer.from(await (await fetch(videos[0]!)).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
    // Photos stay as they are; a reset brings the fixture video back.
    expect(Buffer.from(await (await fetch(photos.VIDEO_CALL_FACE!)).arrayBuffer()).length).toBeLessThan(
      50_000,
    );
    sandbox.controls.reset();
    const fixtureAgain = Buffer.from(await (await fetch(videos[0]!)).arrayBuffer());
    expect(fixtureAgain.length).toBeLessThan(300_000);
    expect(bytes.subarray(0, fixtureAgain.length).equals(fixtureAgain)).toBe(true);
  });
});
