import "server-only";
import { getDb } from "@/lib/db";
import { currentLanguage } from "@/lib/i18n/current";
import { translateMessage } from "@/lib/i18n/form-errors";
import { translatorFor } from "@/lib/i18n/messages";
import { unqualifiedMessage } from "@/lib/qualifications/in-force";
import { qualificationInForce } from "@/lib/rulebook/rules";
import type { RulebookContent } from "@/lib/rulebook/schema";

/**
 * For the case page: why this person may not decide or review under the rulebook, or null where they may.
 * The server refuses the same (lib/qualifications/in-force.ts); this only spares them a form that would fail.
 * Said in the language of the person reading the page.
 */
export async function qualificationGaps(staffUserId: string, content: RulebookContent) {
  const quals = await getDb().qualification.findMany({ where: { staffUserId, revokedAt: null } });
  const now = new Date();
  const t = translatorFor(currentLanguage());
  const gap = (name: string | null, what: "decide" | "review") => {
    if (!name || qualificationInForce(quals, name, now)) return null;
    const refusal = unqualifiedMessage(name, what);
    return translateMessage(t, refusal.key, refusal.values);
  };
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

export type QualificationRow = {
  id: string;
  holder: string;
  name: string;
  validUntil: Date | null;
  evidence: string;
  grantedBy: string;
  grantedAt: Date;
  expired: boolean;
};

/** The register as it stands: every qualification not revoked, expired ones included, soonest to end first. */
export async function listQualifications(): Promise<QualificationRow[]> {
  const rows = await getDb().qualification.findMany({
    where: { revokedAt: null },
    orderBy: [{ validUntil: { sort: "asc", nulls: "last" } }, { grantedAt: "asc" }],
    include: { staffUser: { select: { name: true } }, grantedBy: { select: { name: true } } },
  });
  const now = Date.now();
  return rows.map((q) => ({
    id: q.id,
    expired: q.validUntil !== null && q.validUntil.getTime() < now,
    holder: q.staffUser.name,
    name: q.name,
    validUntil: q.validUntil,
    evidence: q.evidence,
    grantedBy: q.grantedBy.name,
    grantedAt: q.grantedAt,
  }));
}

export const EXPIRY_WARNING_DAYS = 30;

/** Those still valid that end within the warning window: the admins' list of trainings to renew. */
export function expiringSoon(rows: readonly QualificationRow[], now = new Date()): QualificationRow[] {
  const limit = now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000;
  return rows.filter(
    (q) => q.validUntil && q.validUntil.getTime() >= now.getTime() && q.validUntil.getTime() <= limit,
  );
}
