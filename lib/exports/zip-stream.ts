import "server-only";
import { Readable } from "node:stream";
import { ZipFile } from "yazl";

const QUEUED_BYTES = 1024 * 1024;

/** One file of the archive; `open` is called only when the archive reaches it, after every earlier entry. */
export type ZipSource = {
  name: string;
  modified: Date;
  open: () => Promise<Readable>;
};

/**
 * The bytes of a ZIP holding `entries`, produced as they are read (yazl: stored entries, since photos and video
 * are compressed already, with ZIP64 records wherever an entry or the archive passes 4 GiB). One source is open
 * at a time. yazl leaves a source's errors and the reader going away to its caller: either ends the whole stream.
 */
export function zipStream(entries: ZipSource[]): ReadableStream<Uint8Array> {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  let current: Readable | undefined;
  const fail = (error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error)));
  zip.on("error", fail);
  // Closed early (the download was cancelled, or failed): the source being read is released too.
  output.on("close", () => current?.destroy());
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.name, { mtime: entry.modified, compress: false }, (give) => {
      if (output.destroyed) return;
      entry.open().then((source) => {
        if (output.destroyed) return void source.destroy();
        current = source;
        source.on("error", fail);
        give(null, source);
      }, fail);
    });
  }
  zip.end();
  // Bounded in bytes: without a strategy, toWeb reads Node's byte high-water mark as a count of chunks, and a
  // slow download could let thousands of a video's chunks wait in memory.
  return Readable.toWeb(output, {
    strategy: new ByteLengthQueuingStrategy({ highWaterMark: QUEUED_BYTES }),
  }) as ReadableStream<Uint8Array>;
}
