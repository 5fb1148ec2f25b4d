import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { access, constants, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { assertSafeKey, type ByteRange, type MediaStorage } from "@/lib/media/storage-types";
import { writeHashed } from "@/lib/media/write-hashed";

const READ_CHUNK_BYTES = 256 * 1024;

export function localStorage(dir: string): MediaStorage {
  const root = path.resolve(dir);
  const fileFor = (key: string) => {
    assertSafeKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, body) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${randomUUID()}.partial`;
      try {
        const stored = await writeHashed(body, temp);
        // Rename is atomic: a reader never sees half a file.
        await rename(temp, file);
        return stored;
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async size(key) {
      try {
        return (await stat(fileFor(key))).size;
      } catch {
        return null;
      }
    },
    async read(key, range?: ByteRange) {
      // 256 KiB reads: a player's typical range in one chunk.
      return createReadStream(fileFor(key), {
        highWaterMark: READ_CHUNK_BYTES,
        ...(range ? { start: range.start, end: range.end } : {}),
      });
    },
    async ready() {
      await mkdir(root, { recursive: true });
      await access(root, constants.W_OK);
    },
    async removePrefix(prefix) {
      // Keys are "<folder>/<name>": a prefix ending in "/" is one folder, partial files and all.
      if (!prefix.endsWith("/")) throw new Error("Local storage removes whole folders only");
      const dir = fileFor(prefix.slice(0, -1));
      const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
      const files = entries.filter((e) => e.isFile()).length;
      await rm(dir, { recursive: true, force: true });
      return files;
    },
  };
}
