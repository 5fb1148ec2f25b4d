import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { zipStream, type ZipSource } from "@/lib/exports/zip-stream";
import { unzip } from "../support/unzip";

const modified = new Date("2026-01-02T03:04:05Z");

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("zipStream", () => {
  it("opens each source only once every earlier one has been read to its end", async () => {
    const events: string[] = [];
    const source = (name: string): ZipSource => ({
      name,
      modified,
      open: async () => {
        events.push(`open ${name}`);
        return Readable.from(
          (async function* () {
            yield Buffer.from(`${name} `.repeat(50_000));
            events.push(`end ${name}`);
          })(),
          { objectMode: false },
        );
      },
    });
    const zip = await bytesOf(zipStream([source("a"), source("b"), source("c")]));
    expect(events).toEqual(["open a", "end a", "open b", "end b", "open c", "end c"]);
    const entries = await unzip(zip);
    expect(entries.map((e) => [e.name, e.data.length])).toEqual([
      ["a", 100_000],
      ["b", 100_000],
      ["c", 100_000],
    ]);
  });

  it("ends with the source's error when a source fails half way, instead of waiting forever", async () => {
    const failing: ZipSource = {
      name: "video.webm",
      modified,
      open: async () =>
        Readable.from(
          (async function* () {
            yield Buffer.alloc(100_000, 1);
            throw new Error("storage went away");
          })(),
          { objectMode: false },
        ),
    };
    await expect(bytesOf(zipStream([failing]))).rejects.toThrow("storage went away");
  });

  it("ends with the error when a source cannot be opened", async () => {
    const missing: ZipSource = {
      name: "photo.jpg",
      modified,
      open: () => Promise.reject(new Error("no such object")),
    };
    await expect(bytesOf(zipStream([missing]))).rejects.toThrow("no such object");
  });
});
