import { z } from "zod";

/** Where a keyset page starts: the sort value and the id of the row it follows (or precedes). */
export type Cursor = { value: string; id: string };

const shape = z.object({ v: z.string().max(200), id: z.uuid() });

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ v: cursor.value, id: cursor.id })).toString("base64url");
}

/** Null for anything that is not a cursor we made: a tampered URL just shows the first page. */
export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? { value: parsed.data.v, id: parsed.data.id } : null;
  } catch {
    return null;
  }
}
