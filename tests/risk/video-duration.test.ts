import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseDocumentNumber } from "@/lib/risk/document-number";
import { videoDurationMs } from "@/lib/media/video-duration";

const fixture = readFileSync(path.resolve(import.meta.dirname, "../../sandbox/fixtures/call.webm"));

function box(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + body.length);
  new DataView(out.buffer).setUint32(0, out.length);
  out.set(Buffer.from(type, "latin1"), 4);
  out.set(body, 8);
  return out;
}

function mvhd(timescale: number, units: number): Uint8Array {
  const body = new Uint8Array(100);
  const view = new DataView(body.buffer);
  view.setUint32(12, timescale);
  view.setUint32(16, units);
  return box("mvhd", body);
}

describe("videoDurationMs", () => {
  it("reads the sandbox's WebM call as its header states it (4.003 s)", () => {
    expect(videoDurationMs(fixture.subarray(0, 64 * 1024))).toBe(4003);
  });

  it("reads an MP4 movie header inside moov, and says nothing when moov is not in the head", () => {
    const ftyp = box("ftyp", Buffer.from("isom0000"));
    const fast = Buffer.concat([ftyp, box("moov", mvhd(600, 151_200)), box("mdat", new Uint8Array(16))]);
    expect(videoDurationMs(fast)).toBe(252_000);
    const late = Buffer.concat([ftyp, box("mdat", new Uint8Array(64))]);
    expect(videoDurationMs(late)).toBeNull();
  });

  it("gives null for a WebM head cut before its Duration and for bytes that are no video", () => {
    expect(videoDurationMs(fixture.subarray(0, 200))).toBeNull();
    expect(videoDurationMs(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe("normaliseDocumentNumber", () => {
  it("keeps upper-case letters and digits only, and nothing for empty or non-text values", () => {
    expect(normaliseDocumentNumber(" ab-12 345 ")).toBe("AB12345");
    expect(normaliseDocumentNumber("ＡＢ１２")).toBe("AB12");
    expect(normaliseDocumentNumber("--")).toBeNull();
    expect(normaliseDocumentNumber(null)).toBeNull();
    expect(normaliseDocumentNumber(12345)).toBeNull();
  });
});
