import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { DEFAULT_RULEBOOK } from "@/lib/rulebook/default-template";
import { rulebookContentSchema, type Rulebook } from "@/lib/rulebook/schema";

// Taken while version 1 is written, so that two first readers at once do not both write it.
const FIRST_VERSION_LOCK = 727_020;

type Row = { id: string; version: number; content: unknown; createdAt: Date };

export function toRulebook(row: Row): Rulebook {
  return {
    id: row.id,
    version: row.version,
    content: rulebookContentSchema.parse(row.content),
    createdAt: row.createdAt,
  };
}

/** The newest rulebook version; version 1 (the default template) is written first when there is none. */
export async function currentRulebook(tx: Tx): Promise<Rulebook> {
  const latest = () => tx.rulebookVersion.findFirst({ orderBy: { version: "desc" } });
  const found = await latest();
  if (found) return toRulebook(found);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_VERSION_LOCK})`;
  // Someone else may have written it while we waited for the lock.
  const again = await latest();
  if (again) return toRulebook(again);
  return toRulebook(await tx.rulebookVersion.create({ data: { version: 1, content: DEFAULT_RULEBOOK } }));
}

/** For pages: the current rulebook, in a transaction of its own. */
export function getCurrentRulebook(): Promise<Rulebook> {
  return getDb().$transaction((tx) => currentRulebook(tx));
}
