// An evidence pack past 4 GiB: a video larger than a standard ZIP entry may be, so the archive needs ZIP64
// for the entry's sizes and for every offset after it. The stored video is a sparse file (a few random blocks,
// holes between them), and the pack is written back as a sparse file too, so the run costs little disk.
// It streams 4 GiB through hashing and CRC-32 several times, so it runs only with SLOW_TESTS=1
// (`npm run test:slow`).
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarizeZipFile } from "../support/unzip";

const GiB = 1024 ** 3;
const VIDEO_BYTES = 4 * GiB + 64 * 1024 ** 2;
const ZIP64_LOCATOR = Buffer.from([0x50, 0x4b, 0x06, 0x07]);
const lead = { id: "", email: "lead@large-pack", name: "Lead", role: "LEAD" as const, scopeDates: null };
const meta = { requestId: "req-large-pack", ip: "192.0.2.5", userAgent: "vitest" };
let root = "";

/** A sparse file of `size` bytes: random blocks at the start, across the 4 GiB mark and at the end. */
async function sparseFile(file: string, size: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, "w");
  try {
    await handle.truncate(size);
    for (const at of [0, 4 * GiB - 1000, size - 4096]) await handle.write(randomBytes(4096), 0, 4096, at);
  } finally {
    await handle.close();
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 ** 2 }))
    hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Writes a response body to `file`, leaving runs of zeros as holes; returns its length and the most memory
 * the process held meanwhile.
 */
async function saveSparse(body: ReadableStream<Uint8Array>, file: string) {
  const handle = await open(file, "w");
  let zeros = Buffer.alloc(0);
  let at = 0;
  let peakRss = 0;
  try {
    for await (const chunk of body) {
      if (zeros.length < chunk.length) zeros = Buffer.alloc(chunk.length);
      if (!zeros.subarray(0, chunk.length).equals(chunk)) await handle.write(chunk, 0, chunk.length, at);
      at += chunk.length;
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }
    await handle.truncate(at);
  } finally {
    await handle.close();
  }
  return { sizeBytes: at, peakRss };
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "mbo-large-pack-"));
  process.env.MEDIA_DIR = path.join(root, "media");
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe.runIf(process.env.SLOW_TESTS === "1")("an evidence pack over 4 GiB", () => {
  it(
    "is a ZIP64 archive holding the whole video, whose hash the manifest states",
    { timeout: 0 },
    async () => {
      const [{ evidencePack }, { getDb }] = await Promise.all([
        import("@/lib/exports/evidence-pack"),
        import("@/lib/db"),
      ]);
      const db = getDb();
      lead.id = (
        await db.staffUser.create({ data: { email: lead.email, name: lead.name, role: "LEAD" } })
      ).id;
      const v = await db.verification.create({
        data: { scanRef: "large-pack", clientId: "c-large", tokenType: "VIDEO_CALL", status: "APPROVED" },
      });
      const key = `${v.id}/VIDEO`;
      await sparseFile(path.join(process.env.MEDIA_DIR!, key), VIDEO_BYTES);
      const videoSha = await sha256Of(path.join(process.env.MEDIA_DIR!, key));
      await db.mediaAsset.create({
        data: {
          verificationId: v.id,
          kind: "VIDEO",
          sourceKey: "VIDEO",
          storageKey: key,
          contentType: "video/webm",
          sizeBytes: BigInt(VIDEO_BYTES),
          sha256: videoSha,
        },
      });

      const res = await evidencePack(lead, meta, v.id);
      expect(res.status).toBe(200);
      const zip = path.join(root, "pack.zip");
      const saved = await saveSparse(res.body!, zip);
      expect(saved.sizeBytes).toBeGreaterThan(VIDEO_BYTES);
      // Streamed, never held whole: the process stays far below the archive's size.
      expect(saved.peakRss).toBeLessThan(GiB);

      const entries = await summarizeZipFile(zip, ["manifest.json"]);
      expect(entries.map((e) => e.name)).toEqual(["video.webm", "manifest.json"]);
      const [video, manifestEntry] = entries;
      expect(video).toMatchObject({ sizeBytes: VIDEO_BYTES, sha256: videoSha, method: 0 });
      expect(manifestEntry!.offset).toBeGreaterThan(0xffff_ffff);
      const manifest = JSON.parse(manifestEntry!.data!.toString("utf8")) as { files: unknown[] };
      expect(manifest.files).toEqual([
        expect.objectContaining({
          name: "video.webm",
          sha256: videoSha,
          sizeBytes: VIDEO_BYTES,
          matchesArchive: true,
          missing: false,
        }),
      ]);

      const tail = Buffer.alloc(1024);
      const handle = await open(zip, "r");
      await handle.read(tail, 0, tail.length, saved.sizeBytes - tail.length).finally(() => handle.close());
      expect(tail.includes(ZIP64_LOCATOR)).toBe(true);

      if (existsSync("/usr/bin/unzip")) {
        const { stdout } = await promisify(execFile)("unzip", ["-t", zip]);
        expect(stdout).toMatch(/No errors detected/);
      }
    },
  );
});
