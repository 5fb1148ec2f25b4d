import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";

// Reads archives back through yauzl (central directory first, as unzip does). yauzl checks no CRC-32, so each
// entry's data is checked against the CRC its central directory states.

export type UnzippedEntry = { name: string; data: Buffer; crc: number; method: number; flags: number };

/** What one entry of a large archive held, without keeping its bytes. */
export type ZipEntrySummary = {
  name: string;
  sizeBytes: number;
  sha256: string;
  /** Where its local header starts: past 4 GiB only through ZIP64. */
  offset: number;
  method: number;
  /** Its bytes, for the entries asked for by name. */
  data?: Buffer;
};

/** One entry's data, checked against its CRC-32; its bytes kept only when asked. */
async function readEntry(zip: ZipFile, entry: Entry, keep: boolean) {
  let crc = 0;
  const hash = createHash("sha256");
  const chunks: Buffer[] = [];
  for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) {
    crc = crc32(chunk, crc);
    hash.update(chunk);
    if (keep) chunks.push(chunk);
  }
  if (crc !== entry.crc32) throw new Error(`CRC mismatch in ${entry.fileName}`);
  return { sha256: hash.digest("hex"), data: Buffer.concat(chunks) };
}

/** Every entry of an archive held in memory, with its bytes. */
export async function unzip(zip: Buffer): Promise<UnzippedEntry[]> {
  const file = await yauzl.fromBufferPromise(zip);
  const entries: UnzippedEntry[] = [];
  for await (const entry of file.eachEntry()) {
    entries.push({
      name: entry.fileName,
      data: (await readEntry(file, entry, true)).data,
      crc: entry.crc32,
      method: entry.compressionMethod,
      flags: entry.generalPurposeBitFlag,
    });
  }
  return entries;
}

/** Every entry of an archive file, streamed: its size, SHA-256 and where it starts; bytes only of `keep`. */
export async function summarizeZipFile(path: string, keep: string[] = []): Promise<ZipEntrySummary[]> {
  const file = await yauzl.openPromise(path);
  const entries: ZipEntrySummary[] = [];
  try {
    for await (const entry of file.eachEntry()) {
      const kept = keep.includes(entry.fileName);
      const { sha256, data } = await readEntry(file, entry, kept);
      entries.push({
        name: entry.fileName,
        sizeBytes: entry.uncompressedSize,
        sha256,
        offset: entry.relativeOffsetOfLocalHeader,
        method: entry.compressionMethod,
        ...(kept ? { data } : {}),
      });
    }
  } finally {
    file.close();
  }
  return entries;
}

/** RFC 4180 parsing, to read exported CSV back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i += 1;
    } else {
      cell += c;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
