import "server-only";
import { getDb } from "@/lib/db";

/**
 * Staff names by id, in one statement however many people a page names. A relation include per "who did it"
 * is a statement each (six on the case page), sent even when the relation is empty.
 */
export async function staffNames(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await getDb().staffUser.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((s) => [s.id, s.name]));
}
