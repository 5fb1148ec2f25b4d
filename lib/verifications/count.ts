import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { whereClause } from "@/lib/verifications/list-sql";

/** A count that is exact when small and the planner's estimate when large. */
export type ApproximateCount = { value: number; exact: boolean };

// Counting a million rows exactly costs a scan; up to this many it costs an index range read.
const EXACT_LIMIT = 10_000;

type Plan = { Plan: { "Plan Rows": number } };

/**
 * The planner's row estimate (EXPLAIN, nothing executed), which scales pg_class.reltuples to the table's
 * current size and applies the statistics of each filter; below EXACT_LIMIT a bounded exact count.
 */
export async function countVerifications(conditions: Prisma.Sql[]): Promise<ApproximateCount> {
  const db = getDb();
  const where = whereClause(conditions);
  const [explained] = await db.$queryRaw<Array<{ "QUERY PLAN": Plan[] | string }>>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM verifications v ${where}`;
  const raw = explained?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as Plan[] | undefined;
  const estimate = Math.round(plan?.[0]?.Plan["Plan Rows"] ?? 0);
  if (estimate > EXACT_LIMIT) return { value: estimate, exact: false };
  const [counted] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM verifications v ${where} LIMIT ${EXACT_LIMIT + 1}) s`;
  const n = counted?.n ?? 0;
  return n > EXACT_LIMIT ? { value: Math.max(estimate, n), exact: false } : { value: n, exact: true };
}
