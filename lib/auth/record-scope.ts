import { can } from "@/lib/auth/permissions";
import type { DateScope, SessionUser } from "@/lib/auth/session-check";
import { Prisma } from "@/lib/generated/prisma/client";

// The per-record rule, in one place. A role with verification:read-all (lead, ops, auditor) sees every
// verification, unless the account has a date scope (only auditors do): then only those created within it.
// Anyone else (an officer) sees the ones they created, the ones assigned to them, and the unassigned ones they
// may pick up. The list, its export and metrics (as SQL), the link queue and the case page (as a Prisma
// filter) and every entry point that takes a verification, media or link id (lib/auth/record-access.ts) apply it.
// Nothing here touches the database or Next, so SQL builders and benchmarks import it freely.

/** Whose verifications a query covers: everyone's, those the rule gives one person, or those of a date scope. */
export type Scope =
  | { kind: "all" }
  | { kind: "mine"; userId: string }
  | { kind: "created"; from: Date | null; to: Date | null };

type ScopedUser = Pick<SessionUser, "id" | "role" | "scopeDates">;

export function scopeOf(user: ScopedUser): Scope {
  if (!can(user.role, "verification:read-all")) return { kind: "mine", userId: user.id };
  const dates = user.scopeDates;
  return dates && (dates.from || dates.to)
    ? { kind: "created", from: dates.from, to: dates.to }
    : { kind: "all" };
}

/** The rule itself: the verifications that are one person's to handle. */
function mine(userId: string) {
  return [
    { assigneeId: userId },
    { assigneeId: null },
    { createdById: userId },
  ] satisfies Prisma.VerificationWhereInput[];
}

/** The rule for a date scope: created at or after `from`, and before `to` (exclusive). */
function created({ from, to }: DateScope) {
  return { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } satisfies Prisma.DateTimeFilter;
}

/** The scope as a Prisma filter on verifications. */
export function scopeWhere(scope: Scope): Prisma.VerificationWhereInput {
  if (scope.kind === "created") return { createdAt: created(scope) };
  return scope.kind === "all" ? {} : { OR: mine(scope.userId) };
}

const OPERATOR = { gte: ">=", lt: "<" } as const;

/** The same scope as one SQL condition on the alias `v`, derived from the rules above; null for "all". */
export function scopeSql(scope: Scope): Prisma.Sql | null {
  if (scope.kind === "all") return null;
  if (scope.kind === "created") {
    const bounds = Object.entries(created(scope)).map(
      ([op, value]) =>
        Prisma.sql`v."createdAt" ${Prisma.raw(OPERATOR[op as keyof typeof OPERATOR])} ${value.toISOString()}::timestamp`,
    );
    return Prisma.sql`(${Prisma.join(bounds, " AND ")})`;
  }
  const terms = mine(scope.userId).flatMap((term) =>
    Object.entries(term).map(([column, value]) => {
      // Column names come from the fixed rule above, never from a request.
      const ref = Prisma.raw(`v."${column}"`);
      return value === null ? Prisma.sql`${ref} IS NULL` : Prisma.sql`${ref} = ${value}::uuid`;
    }),
  );
  return Prisma.sql`(${Prisma.join(terms, " OR ")})`;
}

/**
 * The audit log under a date scope, as one SQL condition on the alias `a`, or null for the whole log. The
 * stricter reading: only events about a verification within the scope; events about staff, settings, sign-ins
 * or with no target at all are not shown to a scoped auditor. Other holders of audit:read see the whole log.
 */
export function auditScopeSql(user: ScopedUser): Prisma.Sql | null {
  const scope = scopeOf(user);
  if (scope.kind !== "created") return null;
  // CASE: the uuid cast is only ever tried on verification targets.
  return Prisma.sql`a."targetType" = 'verification' AND EXISTS (SELECT 1 FROM verifications v
    WHERE v.id = CASE WHEN a."targetType" = 'verification' THEN a."targetId"::uuid END AND ${scopeSql(scope)})`;
}
