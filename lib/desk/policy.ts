import "server-only";
import type { ClockContext } from "@/lib/desk/clock";
import { getDb, type Tx } from "@/lib/db";
import { getSettings } from "@/lib/settings/settings";

/** The stage targets and due-soon share in force (Settings), read at `now`. */
export async function clockContext(
  db: Pick<Tx, "setting"> = getDb(),
  now = new Date(),
): Promise<ClockContext> {
  const { stageTargets, dueSoonPercent } = await getSettings(db);
  return { targets: stageTargets, dueSoonPercent, now };
}
