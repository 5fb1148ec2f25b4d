import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { RETENTION_CLASSES, statusesOf, STATUS_CLASS, type RetentionClass } from "@/lib/retention/classes";
import { intervalParts } from "@/lib/retention/periods";
import type { RetentionPolicy } from "@/lib/retention/policy";

export type DueVerification = {
  id: string;
  status: VerificationStatus;
  retentionClass: RetentionClass;
  /** The final decision, or the last activity when there is none: where keeping is counted from. */
  keptFrom: Date;
  dueAt: Date;
  held: boolean;
};

/** The SQL expression of a verification's end of keeping under `policy` (lib/retention/periods.ts's rule). */
function dueAtSql(policy: RetentionPolicy): Prisma.Sql {
  const arms = RETENTION_CLASSES.map((c) => {
    const { years, months, days } = intervalParts(policy.periods[c]);
    const statuses = statusesOf(c);
    return Prisma.sql`WHEN v.status::text IN (${Prisma.join(statuses)})
      THEN make_interval(years => ${years}::int, months => ${months}::int, days => ${days}::int)`;
  });
  return Prisma.sql`COALESCE(v."decidedAt", v."updatedAt") + CASE ${Prisma.join(arms, " ")} END`;
}

// Dates go in as UTC text cast to timestamp: the columns hold UTC without a zone, whatever the session's.
/** Whether an active legal hold covers v at `asOf`: its own, or one on its client ID. */
function heldSql(asOf: Date): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM legal_holds h
    WHERE h."liftedAt" IS NULL AND (h."endsAt" IS NULL OR h."endsAt" > ${asOf.toISOString()}::timestamp)
      AND (h."verificationId" = v.id OR h."clientId" = v."clientId"))`;
}

/**
 * Verifications whose keeping ends by `until` and whose purge has not begun, soonest first. Held ones are
 * listed (flagged) so the preview can show them; the purge skips them.
 */
export async function dueVerifications(
  db: Pick<Tx, "$queryRaw">,
  policy: RetentionPolicy,
  opts: { until: Date; asOf: Date; limit: number; onlyUnheld?: boolean; id?: string },
): Promise<DueVerification[]> {
  const rows = await db.$queryRaw<Array<Omit<DueVerification, "retentionClass">>>`
    SELECT * FROM (
      SELECT v.id, v.status::text AS status, COALESCE(v."decidedAt", v."updatedAt") AS "keptFrom",
        ${dueAtSql(policy)} AS "dueAt", ${heldSql(opts.asOf)} AS held
      FROM verifications v
      LEFT JOIN verification_purges p ON p."verificationId" = v.id
      WHERE p."verificationId" IS NULL ${opts.id ? Prisma.sql`AND v.id = ${opts.id}::uuid` : Prisma.empty}
    ) d
    WHERE d."dueAt" <= ${opts.until.toISOString()}::timestamp ${opts.onlyUnheld ? Prisma.sql`AND NOT d.held` : Prisma.empty}
    ORDER BY d."dueAt", d.id
    LIMIT ${opts.limit}`;
  return rows.map((r) => ({ ...r, retentionClass: STATUS_CLASS[r.status] }));
}
