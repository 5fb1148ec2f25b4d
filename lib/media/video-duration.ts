// A video's length as its own container states it, read from the file's first bytes: WebM's Segment Info
// Duration (scaled by its TimecodeScale) or MP4's movie header (mvhd). Nothing is guessed: a header that does
// not say (a live-recorded WebM without Duration, an MP4 whose moov box comes after the media) gives null.

/** How much of a file's start is read for its duration. */
export const DURATION_HEAD_BYTES = 64 * 1024;

export function videoDurationMs(head: Uint8Array): number | null {
  const ms = isWebm(head) ? webmDuration(head) : mp4Duration(head);
  return ms !== null && Number.isFinite(ms) && ms > 0 && ms < 2 ** 31 ? Math.round(ms) : null;
}

const isWebm = (b: Uint8Array) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3;

/** An EBML variable-length integer at `at`: its length and value (marker kept for ids, dropped for sizes). */
function vint(b: Uint8Array, at: number, keepMarker: boolean): { length: number; value: number } | null {
  const first = b[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > b.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + b[at + i]!;
    if (b[at + i] !== 0xff) allOnes = false;
  }
  return { length, value: !keepMarker && allOnes ? Infinity : value };
}

const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const CLUSTER = 0x1f43b675;

function webmDuration(b: Uint8Array): number | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let scaleNs = 1_000_000;
  let duration: number | null = null;
  let at = 0;
  while (at < b.length) {
    const id = vint(b, at, true);
    const size = id && vint(b, at + id.length, false);
    if (!id || !size) break;
    const body = at + id.length + size.length;
    if (id.value === CLUSTER) break;
    // Descend into the Segment and its Info; skip everything else (an unknown size cannot be skipped).
    if (id.value === SEGMENT || id.value === INFO) {
      at = body;
      continue;
    }
    if (id.value === TIMECODE_SCALE && size.value <= 8 && body + size.value <= b.length) {
      scaleNs = Number(readUint(b, body, size.value));
    } else if (id.value === DURATION && body + size.value <= b.length) {
      if (size.value === 8) duration = view.getFloat64(body);
      else if (size.value === 4) duration = view.getFloat32(body);
    }
    if (!Number.isFinite(size.value)) break;
    at = body + size.value;
  }
  return duration === null ? null : (duration * scaleNs) / 1_000_000;
}

function readUint(b: Uint8Array, at: number, length: number): bigint {
  let v = 0n;
  for (let i = 0; i < length; i++) v = (v << 8n) | BigInt(b[at + i]!);
  return v;
}

function mp4Duration(b: Uint8Array): number | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const type = (at: number) => String.fromCharCode(...b.subarray(at + 4, at + 8));
  let at = 0;
  let end = b.length;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1 && at + 16 <= end) {
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header) return null;
    const box = type(at);
    if (box === "moov") {
      end = Math.min(end, at + size);
      at += header;
      continue;
    }
    if (box === "mvhd") {
      const v1 = b[at + header] === 1;
      const fields = at + header + 4 + (v1 ? 16 : 8);
      if (fields + (v1 ? 12 : 8) > b.length) return null;
      const timescale = view.getUint32(fields);
      const units = v1 ? Number(view.getBigUint64(fields + 4)) : view.getUint32(fields + 4);
      return timescale ? (units / timescale) * 1000 : null;
    }
    at += size;
  }
  return null;
}
