// RFC 4180 CSV, safe to open in a spreadsheet.

export type CsvValue = string | number | boolean | bigint | Date | null | undefined;

// A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (CSV injection), and
// so is one whose first non-blank character is one, full-width forms (＝ ＋ － ＠) included: spreadsheets skip
// leading spaces and fold those forms when they guess a cell's type. NFKC folds them here the same way.
const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/;

function isFormula(text: string): boolean {
  return FORMULA_START.test(text) || FORMULA_START.test(text.normalize("NFKC"));
}

/**
 * One cell, always quoted with its quotes doubled, so that no value can end the cell early; text that a
 * spreadsheet would run as a formula gets a leading apostrophe, which shows it as typed.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value !== "string"
        ? String(value)
        : isFormula(value)
          ? `'${value}`
          : value;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

const BOM = "\uFEFF";

/**
 * A CSV body read from `pages` one page per pull: the consumer's pace sets the database's, and only one
 * page is ever held. The byte-order mark makes Excel read UTF-8 names correctly.
 */
export function csvStream<T>(
  header: readonly string[],
  pages: AsyncIterable<T[]>,
  cells: (row: T) => readonly CsvValue[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(BOM + csvLine(header)));
      },
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map((row) => csvLine(cells(row))).join("")));
      },
      async cancel() {
        await iterator.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** A file name that says what and when, safe in a Content-Disposition header. */
export function exportFileName(what: string, extension: string, at = new Date()): string {
  return `${what}-${at.toISOString().slice(0, 19).replaceAll(":", "-")}Z.${extension}`;
}
