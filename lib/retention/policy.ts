import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { RETENTION_CLASSES, type RetentionClass } from "@/lib/retention/classes";
import { periodSchema, type RetentionPeriod } from "@/lib/retention/periods";

export const policyContentSchema = z.object({
  periods: z.object(
    Object.fromEntries(RETENTION_CLASSES.map((c) => [c, periodSchema])) as Record<
      RetentionClass,
      typeof periodSchema
    >,
  ),
  // Four-eyes on holds: whoever placed a hold may not lift it alone.
  liftNeedsSecondPerson: z.boolean(),
});
export type RetentionPolicy = z.infer<typeof policyContentSchema>;
export type PolicyInForce = RetentionPolicy & { version: number; since: Date | null };

const YEAR = (amount: number): RetentionPeriod => ({ amount, unit: "years" });

/** Version 0, in force until an admin saves one: BaFin's five years for approvals, a year for the rest. */
export const DEFAULT_POLICY: RetentionPolicy = {
  periods: {
    APPROVED: YEAR(5),
    REJECTED: YEAR(1),
    RESUBMISSION: YEAR(1),
    ABORTED: YEAR(1),
    EXPIRED: YEAR(1),
    UNFINISHED: YEAR(1),
  },
  liftNeedsSecondPerson: true,
};

type Reader = Pick<Tx, "retentionPolicyVersion">;

export async function policyInForce(db: Reader): Promise<PolicyInForce> {
  const row = await db.retentionPolicyVersion.findFirst({ orderBy: { version: "desc" } });
  if (!row) return { ...DEFAULT_POLICY, version: 0, since: null };
  // A stored version that no longer parses is a fault, not a reason to keep (or delete) by a guess.
  return { ...policyContentSchema.parse(row.content), version: row.version, since: row.createdAt };
}

export async function policyVersions(db: Reader) {
  const rows = await db.retentionPolicyVersion.findMany({ orderBy: { version: "desc" }, take: 20 });
  return rows.map((r) => ({ version: r.version, createdAt: r.createdAt, createdById: r.createdById }));
}
