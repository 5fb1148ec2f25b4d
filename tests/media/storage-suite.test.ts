// One suite for every storage backend: local disk and S3 (a real S3-compatible server over HTTP). Whole
// objects and ranges read back byte for byte with their SHA-256, sizes, a failed upload leaving nothing behind,
// and the purge's removal of a case's folder (unfinished uploads included) that leaves other cases alone.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MediaStorage } from "@/lib/media/storage-types";
import { startLocalS3, type LocalS3 } from "../support/s3-server";

let s3: LocalS3;
let dir: string;
const backends: Record<string, () => Promise<MediaStorage>> = {
  local: async () => (await import("@/lib/media/local-storage")).localStorage(dir),
  s3: async () =>
    (await import("@/lib/media/s3-storage")).s3Storage({
      bucket: s3.bucket,
      region: "us-east-1",
      endpoint: s3.endpoint,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    }),
};

beforeAll(async () => {
  s3 = await startLocalS3();
  dir = await mkdtemp(path.join(os.tmpdir(), "mbo-storage-"));
});
afterAll(async () => {
  await s3.close();
  await rm(dir, { recursive: true, force: true });
});

async function* chunks(bytes: Buffer, size = 64 * 1024) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const readAll = (stream: Readable): Promise<Buffer> => buffer(stream);
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe.each(Object.keys(backends))("%s storage", (name) => {
  let storage: MediaStorage;
  beforeAll(async () => {
    storage = await backends[name]!();
  });

  /** Stores `bytes` and checks what put reports, the stored size and the whole object read back. */
  async function storedWhole(bytes: Buffer): Promise<string> {
    const key = `${crypto.randomUUID()}/VIDEO_0`;
    expect(await storage.put(key, chunks(bytes), "video/webm")).toEqual({
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
    });
    expect(await storage.size(key)).toBe(bytes.length);
    expect(sha256(await readAll(await storage.read(key)))).toBe(sha256(bytes));
    return key;
  }

  it("stores an object whole, hashing it, and reads it and any range back", async () => {
    const bytes = randomBytes(300_000);
    const key = await storedWhole(bytes);
    for (const [start, end] of [
      [0, 0],
      [1000, 70_000],
      [bytes.length - 10, bytes.length - 1],
    ] as const) {
      expect(await readAll(await storage.read(key, { start, end }))).toEqual(bytes.subarray(start, end + 1));
    }
    expect(await storage.size(`${crypto.randomUUID()}/VIDEO_0`)).toBeNull();
  });

  it("leaves nothing behind when the upload's source fails midway", async () => {
    const key = `${crypto.randomUUID()}/FACE_PHOTO`;
    async function* broken() {
      yield randomBytes(1000);
      throw new Error("MarkID hung up");
    }
    await expect(storage.put(key, broken(), "image/jpeg")).rejects.toThrow("MarkID hung up");
    expect(await storage.size(key)).toBeNull();
  });

  it("stores an object of several S3 parts (8 MiB each), and nothing of one that fails after two", async () => {
    const part = 8 * 1024 * 1024;
    const bytes = randomBytes(2 * part + 12_345);
    const key = await storedWhole(bytes);
    const across = { start: part - 10, end: 2 * part + 10 };
    expect(sha256(await readAll(await storage.read(key, across)))).toBe(
      sha256(bytes.subarray(across.start, across.end + 1)),
    );

    const failed = `${crypto.randomUUID()}/VIDEO_0`;
    async function* cutOff() {
      yield* chunks(bytes.subarray(0, 2 * part + 1000));
      throw new Error("MarkID hung up");
    }
    await expect(storage.put(failed, cutOff(), "video/webm")).rejects.toThrow("MarkID hung up");
    expect(await storage.size(failed)).toBeNull();
  });

  it("removes one case's folder, and only that case's", async () => {
    const [purged, kept] = [crypto.randomUUID(), crypto.randomUUID()];
    for (const id of [purged, kept]) {
      for (const file of ["FACE_PHOTO", "VIDEO_0"])
        await storage.put(`${id}/${file}`, chunks(randomBytes(5000)), "application/octet-stream");
    }
    if (name === "local") await writeFile(path.join(dir, purged, "VIDEO_1.abc.partial"), "half");
    expect(await storage.removePrefix(`${purged}/`)).toBe(name === "local" ? 3 : 2);
    for (const file of ["FACE_PHOTO", "VIDEO_0"]) {
      expect(await storage.size(`${purged}/${file}`)).toBeNull();
      expect(await storage.size(`${kept}/${file}`)).toBe(5000);
    }
    if (name === "local") expect(await readdir(path.join(dir, purged)).catch(() => null)).toBeNull();
    // Gone already: no error, nothing removed.
    expect(await storage.removePrefix(`${purged}/`)).toBe(0);
  });
});
