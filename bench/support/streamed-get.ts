// One GET read to the end a chunk at a time, as a client saving a download would: hashed and counted, never
// kept; `file` set: written there too, as a plain streamed copy (the big-video baseline).
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import { pipeline } from "node:stream/promises";

export type Fetched = { status: number; bytes: number; seconds: number; sha256: string; tail: Buffer };

const TAIL_BYTES = 64 * 1024;

export async function streamedGet(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const hash = createHash("sha256");
  let bytes = 0;
  // The last chunks only, for a ZIP's end record.
  let last: Uint8Array[] = [];
  for await (const chunk of res.body ?? []) {
    hash.update(chunk);
    bytes += chunk.byteLength;
    last = [...last.slice(-3), chunk];
  }
  const seconds = (performance.now() - started) / 1000;
  const tail = Buffer.concat(last).subarray(-TAIL_BYTES);
  return { status: res.status, bytes, seconds, sha256: hash.digest("hex"), tail };
}

/** node:http GET piped to a file, nothing else: what a copy of these bytes over this loopback costs. */
export async function plainCopy(url: string, file: string): Promise<{ bytes: number; seconds: number }> {
  const started = performance.now();
  const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get(url, resolve).on("error", reject),
  );
  if (res.statusCode !== 200) throw new Error(`baseline GET answered ${res.statusCode}`);
  await pipeline(res, createWriteStream(file));
  const seconds = (performance.now() - started) / 1000;
  return { bytes: (await stat(file)).size, seconds };
}

/** A file's SHA-256, read 1 MiB at a time. */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer);
  return hash.digest("hex");
}
