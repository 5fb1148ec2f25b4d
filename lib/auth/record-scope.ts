import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-check";
import { Prisma } from "@/lib/generated/prisma/client";

// The per-record rule, in one place. A role with verification:read-all (lead, ops) sees every verification;
// anyone else (an officer) sees the ones they created, the ones assigned to them, and the unassigned ones they
// may pick up. The list, its export and metrics (as SQL), the link queue and the case page (as a Prisma
// filter) and every entry point that takes a verification, media or link id (lib/auth/record-access.ts) apply it.
// Nothing here touches the database or Next, so SQL builders and benchmarks import it freely.

/** Whose verifications a query covers: everyone's, or those the rule gives one person. */
export type Scope = { kind: "all" } | { kind: "mine"; userId: string };

export function scopeOf(user: Pick<SessionUser, "id" | "role">): Scope {
  return can(user.role, "verification:read-all") ? { kind: "all" } : { kind: "mine", userId: user.id };
}

/** The rule itself: the verifications that are one person's to handle. */
function mine(userId: string) {
  return [
    { assigneeId: userId },
    { assigneeId: null },
    { createdById: userId },
  ] satisfies Prisma.VerificationWhereInput[];
}

/** The scope as a Prisma filter on verifications. */
export function scopeWhere(scope: Scope): Prisma.VerificationWhereInput {
  return scope.kind === "all" ? {} : { OR: mine(scope.userId) };
}

/** The same scope as one SQL condition on the alias `v`, derived from the rule above; null for "all". */
export function scopeSql(scope: Scope): Prisma.Sql | null {
  if (scope.kind === "all") return null;
  const terms = mine(scope.userId).flatMap((term) =>
    Object.entries(term).map(([column, value]) => {
      // Column names come from the fixed rule above, never from a request.
      const ref = Prisma.raw(`v."${column}"`);
      return value === null ? Prisma.sql`${ref} IS NULL` : Prisma.sql`${ref} = ${value}::uuid`;
    }),
  );
  return Prisma.sql`(${Prisma.join(terms, " OR ")})`;
}
