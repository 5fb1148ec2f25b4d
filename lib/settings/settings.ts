import "server-only";
import { z } from "zod";
import { getDb, type Tx } from "@/lib/db";

const SETTINGS = z.object({
  // Four-eyes for every decision, not only rejections and aborts.
  fourEyesForAll: z.boolean().catch(false),
});

export type Settings = z.infer<typeof SETTINGS>;

export async function getSettings(db: Pick<Tx, "setting"> = getDb()): Promise<Settings> {
  const rows = await db.setting.findMany();
  return SETTINGS.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}
