import { crc32 } from "node:zlib";

// A streaming ZIP writer: entries are stored (photos and video are compressed already), each followed by a
// data descriptor, so no entry is ever held whole in memory or read twice. Standard ZIP only: an entry or
// archive beyond 4 GiB is refused rather than written corrupt.

export type ZipEntry = {
  name: string;
  modified: Date;
  data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
};

const LIMIT = 0xffff_ffff;
const FLAGS = 0x0008 | 0x0800; // sizes and CRC after the data; UTF-8 names
const VERSION = 20;

type Written = { name: Buffer; crc: number; size: number; offset: number; time: number; date: number };

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((Math.max(d.getUTCFullYear(), 1980) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

function localHeader(name: Buffer, time: number, date: number): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(0, 8); // stored
  b.writeUInt16LE(time, 10);
  b.writeUInt16LE(date, 12);
  b.writeUInt16LE(name.length, 26);
  return Buffer.concat([b, name]);
}

function dataDescriptor(crc: number, size: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(crc, 4);
  b.writeUInt32LE(size, 8);
  b.writeUInt32LE(size, 12);
  return b;
}

function centralHeader(e: Written): Buffer {
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(VERSION, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(0, 10);
  b.writeUInt16LE(e.time, 12);
  b.writeUInt16LE(e.date, 14);
  b.writeUInt32LE(e.crc, 16);
  b.writeUInt32LE(e.size, 20);
  b.writeUInt32LE(e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  b.writeUInt32LE(e.offset, 42);
  return Buffer.concat([b, e.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

/** The bytes of a ZIP holding `entries`, produced as the entries' data is read. */
export async function* zipStream(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
): AsyncGenerator<Uint8Array> {
  const written: Written[] = [];
  let offset = 0;
  for await (const entry of entries) {
    if (entry.name.includes("..") || entry.name.startsWith("/")) throw new Error(`Unsafe name ${entry.name}`);
    const name = Buffer.from(entry.name, "utf8");
    const { time, date } = dosTime(entry.modified);
    const header = localHeader(name, time, date);
    const start = offset;
    yield header;
    offset += header.length;
    let crc = 0;
    let size = 0;
    for await (const chunk of entry.data) {
      crc = crc32(chunk, crc);
      size += chunk.byteLength;
      if (size > LIMIT) throw new Error(`${entry.name} is larger than a standard ZIP entry allows`);
      yield chunk;
    }
    const descriptor = dataDescriptor(crc, size);
    yield descriptor;
    offset += size + descriptor.length;
    if (offset > LIMIT) throw new Error("The archive is larger than a standard ZIP allows");
    written.push({ name, crc, size, offset: start, time, date });
  }
  const central = Buffer.concat(written.map(centralHeader));
  yield central;
  yield endOfCentralDirectory(written.length, central.length, offset);
}
