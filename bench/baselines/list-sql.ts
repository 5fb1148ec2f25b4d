// The SQL behind one page of the verification list, from the app's own builders (lib/verifications/list-sql.ts
// and count.ts's queries), so the baseline runs exactly what the page runs, minus Next.js and Prisma.
import { Prisma } from "../../lib/generated/prisma/client";
import { DEFAULT_STAGE_TARGETS } from "../../lib/settings/desk-settings";
import { decodeCursor } from "../../lib/verifications/cursor";
import { filterConditions, listQuery, whereClause } from "../../lib/verifications/list-sql";

export type SqlText = { text: string; values: unknown[] };

const PAGE_SIZE = 50;
const EXACT_LIMIT = 10_000;

/** The default stage targets, read now: the page always computes each row's stage clock. */
export const CLOCK = { targets: DEFAULT_STAGE_TARGETS, dueSoonPercent: 20, now: new Date() };

const toText = (sql: Prisma.Sql): SqlText => ({ text: sql.text, values: sql.values });

/** Lead's view (everything), newest first, optionally after a keyset cursor. */
export function listPageSql(after: string | null): { page: SqlText; explain: SqlText; exact: SqlText } {
  const cursor = decodeCursor(after ?? undefined);
  const page = listQuery(
    {},
    { kind: "all" },
    "created_desc",
    { cursor, backwards: false },
    PAGE_SIZE + 1,
    CLOCK,
  );
  // The count ignores the cursor: it is the size of the whole filtered list (lib/verifications/count.ts).
  const where = whereClause(filterConditions({}, { kind: "all" }));
  const explain = Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM verifications v ${where}`;
  const exact = Prisma.sql`SELECT count(*)::int AS n
    FROM (SELECT 1 FROM verifications v ${where} LIMIT ${EXACT_LIMIT + 1}) s`;
  return { page: toText(page), explain: toText(explain), exact: toText(exact) };
}

export const COUNT_EXACT_LIMIT = EXACT_LIMIT;

/** What the session check reads on every request (lib/auth/session-check.ts). */
export const SESSION_SQL = `SELECT id, email, name, role, active, "sessionVersion", "totpEnabledAt"
  FROM staff_users WHERE id = $1`;
