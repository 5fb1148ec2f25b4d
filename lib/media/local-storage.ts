import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertSafeKey, type ByteRange, type MediaStorage } from "@/lib/media/storage";

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
      const hash = createHash("sha256");
      let sizeBytes = 0;
      try {
        await pipeline(
          Readable.from(body),
          async function* (source: AsyncIterable<Uint8Array>) {
            for await (const chunk of source) {
              hash.update(chunk);
              sizeBytes += chunk.byteLength;
              yield chunk;
            }
          },
          createWriteStream(temp, { mode: 0o600 }),
        );
        // Rename is atomic: a reader never sees half a file.
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return { sizeBytes, sha256: hash.digest("hex") };
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
