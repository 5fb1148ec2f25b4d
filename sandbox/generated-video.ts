// A recording as long as a real call's (a 30-minute video is hundreds of MiB, up to the app's 2 GiB limit),
// sent without ever holding it: the fixture WebM's bytes, so that it sniffs and probes as the fixture does,
// then a fixed block of filler repeated up to the size asked for. Every download of one sandbox gets the
// same bytes, so a copy can be checked against another by hash.
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";

const BLOCK_BYTES = 1024 * 1024;

/** A fixed pseudo-random block (SHA-256 in counter mode): incompressible, and the same on every start. */
function fillerBlock(): Buffer {
  const block = Buffer.alloc(BLOCK_BYTES);
  for (let at = 0, n = 0; at < BLOCK_BYTES; at += 32, n++) {
    createHash("sha256").update(`sandbox-video-${n}`).digest().copy(block, at);
  }
  return block;
}

let filler: Buffer | undefined;

/** The generated video's bytes, `size` of them in all, chunk by chunk. */
export function* generatedVideo(head: Buffer, size: number): Generator<Buffer> {
  filler ??= fillerBlock();
  const first = head.subarray(0, Math.min(head.length, size));
  if (first.length) yield first;
  for (let left = size - first.length; left > 0; left -= BLOCK_BYTES) {
    yield left >= BLOCK_BYTES ? filler : filler.subarray(0, left);
  }
}

/** Writes the chunks as fast as the client reads them, and stops if it goes away. */
export function sendGenerated(res: ServerResponse, chunks: Iterator<Buffer>): void {
  const pump = () => {
    for (;;) {
      if (res.destroyed) return;
      const next = chunks.next();
      if (next.done) return void res.end();
      if (!res.write(next.value)) return void res.once("drain", pump);
    }
  };
  pump();
}
