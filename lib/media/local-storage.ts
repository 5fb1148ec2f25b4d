import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertSafeKey, type ByteRange, type MediaStorage } from "@/lib/media/storage";
import { writeHashed } from "@/lib/media/write-hashed";

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
      const stream = createReadStream(fileFor(key), range ? { start: range.start, end: range.end } : {});
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    },
  };
}
