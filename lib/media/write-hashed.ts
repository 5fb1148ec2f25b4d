import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { StoredObject } from "@/lib/media/storage-types";

/** Streams `body` into a private file, hashing and counting on the way. */
export async function writeHashed(body: AsyncIterable<Uint8Array>, file: string): Promise<StoredObject> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  await pipeline(
    Readable.from(body),
    async function* (source: AsyncIterable<Uint8Array>) {
      for await (const chunk of source) {
        hash.update(chunk);
        sizeBytes += chunk.byteLength;
        yield chunk;
      }
    },
    createWriteStream(file, { mode: 0o600 }),
  );
  return { sizeBytes, sha256: hash.digest("hex") };
}
