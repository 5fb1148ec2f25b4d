import "server-only";
import { getDb } from "@/lib/db";
import { unqualifiedMessage } from "@/lib/qualifications/in-force";
import { qualificationInForce } from "@/lib/rulebook/rules";
import type { RulebookContent } from "@/lib/rulebook/schema";

/**
 * For the case page: why this person may not decide or review under the rulebook, or null where they may.
 * The server refuses the same (lib/qualifications/in-force.ts); this only spares them a form that would fail.
 */
export async function qualificationGaps(staffUserId: string, content: RulebookContent) {
  const quals = await getDb().qualification.findMany({ where: { staffUserId, revokedAt: null } });
  const now = new Date();
  const gap = (name: string | null, what: "decide" | "review") =>
    name && !qualificationInForce(quals, name, now) ? unqualifiedMessage(name, what) : null;
  const { decide, secondReview } = content.requiredQualification;
  return { decide: gap(decide, "decide"), review: gap(secondReview, "review") };
}

/** The names in the training register, offered when the rulebook names the qualification it requires. */
export async function qualificationNames(): Promise<string[]> {
  const rows = await getDb().qualification.findMany({
    distinct: ["name"],
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => r.name);
}
