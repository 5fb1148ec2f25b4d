// Counts CSV records as bytes arrive: a line break ends a record only outside quotes. In UTF-8 the bytes
// for '"' and '\n' never occur inside a multi-byte character, so raw bytes can be scanned.

export type RowCounter = { records: number; quoted: boolean };

export function countRecords(chunk: Uint8Array, counter: RowCounter): RowCounter {
  let { records, quoted } = counter;
  for (const byte of chunk) {
    if (byte === 0x22) quoted = !quoted;
    else if (byte === 0x0a && !quoted) records += 1;
  }
  return { records, quoted };
}

/** The file name from a Content-Disposition header, if it names one. */
export function fileNameFrom(header: string | null): string | null {
  return header?.match(/filename="([^"]+)"/)?.[1] ?? null;
}
