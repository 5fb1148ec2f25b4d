// The document number MarkID reports (webhook data.docNumber, docs/markid.md §5.3), normalised so that the
// same document matches however it was typed or read: upper case, letters and digits only. Nothing else of
// MarkID's data is kept.

const MAX = 50;

export function normaliseDocumentNumber(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const normal = value
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  return normal && normal.length <= MAX ? normal : null;
}
