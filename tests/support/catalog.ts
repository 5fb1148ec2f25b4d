import pg from "pg";

// Objects made by hand-written SQL migrations that Prisma's schema language cannot express, so a database
// built from schema.prisma lacks them. Each is named here with the migration that creates it.
export const HAND_MADE_INDEXES = [
  // 20261125212300_audit_append_only_search: trigram GIN over an expression (verification search).
  "verifications_search_trgm_idx",
];
export const HAND_MADE_CONSTRAINTS = [
  // 20261205234453_auditor_accounts: an auditor account always has an expiry.
  "staff_users_auditor_expiry",
];

// Everything Prisma's schema describes, read back from PostgreSQL's catalogs in a stable order.
const QUERIES = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY table_name, column_name`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
              AND indexname <> ALL ('{${HAND_MADE_INDEXES.join(",")}}'::text[])
            ORDER BY tablename, indexname`,
  constraints: `SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS def
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations'
                  AND c.conname <> ALL ('{${HAND_MADE_CONSTRAINTS.join(",")}}'::text[])
                ORDER BY 1, 2`,
  enums: `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
          ORDER BY t.typname, e.enumsortorder`,
};

export type Catalog = Record<keyof typeof QUERIES, unknown[]>;

export async function readCatalog(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const catalog: Record<string, unknown[]> = {};
    for (const [key, sql] of Object.entries(QUERIES)) catalog[key] = (await client.query(sql)).rows;
    return catalog as Catalog;
  } finally {
    await client.end();
  }
}
