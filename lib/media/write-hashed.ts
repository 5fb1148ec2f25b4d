import "server-only";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import type { StoredObject } from "@/lib/media/storage-types";

// Up to 1 MiB queued for the disk before the source waits: the download keeps arriving while a write is in
// progress (with the default 16 KiB, every 64 KiB chunk waited for the one before it to reach the disk).
const WRITE_BUFFER_BYTES = 1024 * 1024;

/**
 * Streams `body` into a private file, hashing and counting on the way; a chunk at a time, waiting for the
 * disk whenever 1 MiB is queued. A plain loop rather than a stream pipeline: a 1 GiB video is 16,000 chunks,
 * and every stage between the socket and the file costs each of them.
 */
export async function writeHashed(body: AsyncIterable<Uint8Array>, file: string): Promise<StoredObject> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  const out = createWriteStream(file, { mode: 0o600, highWaterMark: WRITE_BUFFER_BYTES });
  // A write error (disk full) surfaces through `errored`, the drain wait or `finished`, not as a crash.
  out.on("error", () => undefined);
  try {
    for await (const chunk of body) {
      if (out.errored) throw out.errored;
      hash.update(chunk);
      sizeBytes += chunk.byteLength;
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return { sizeBytes, sha256: hash.digest("hex") };
}
