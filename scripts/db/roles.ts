// Two database roles (README, "Production"): an owner that runs migrations, and the app's own role, which
// may only append to and read the audit tables. The owner runs these grants after every migration, so a
// table a new migration adds is covered at once, and an append-only one never gets more than INSERT/SELECT.
import pg from "pg";
import { getConstructionPlans } from "pg-boss";
import { BOSS_SCHEMA } from "../../lib/jobs/boss";
import { withClient } from "./client";
import { applyMigrations, pendingMigrations } from "./migrations";

/** The tables the app role may only INSERT into and SELECT from. */
const APPEND_ONLY_TABLES = ["audit_events", "audit_checkpoints"] as const;

const GRANTS_LOCK = 727_004;
const id = (name: string) => pg.escapeIdentifier(name);
const appendOnly = APPEND_ONLY_TABLES.map(id).join(", ");

/** What the owner grants the app role in the public schema, in order (later statements narrow earlier ones). */
function appPrivilegeStatements(appRole: string): string[] {
  const app = id(appRole);
  return [
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    // Tables and sequences later migrations create (as this owner) start with the same rights.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    // Read-only, so that `npm start` with DATABASE_URL alone can tell whether a migration is pending.
    `REVOKE ALL ON TABLE "_prisma_migrations" FROM ${app}`,
    `GRANT SELECT ON TABLE "_prisma_migrations" TO ${app}`,
    `REVOKE ALL ON TABLE ${appendOnly} FROM ${app}`,
    `GRANT SELECT, INSERT ON TABLE ${appendOnly} TO ${app}`,
  ];
}

async function whoAmI(client: pg.Client): Promise<{ role: string; database: string }> {
  const { rows } = await client.query<{ role: string; database: string }>(
    "SELECT current_user AS role, current_database() AS database",
  );
  return rows[0]!;
}

/** One way a connection could rewrite the audit trail; `grantable` ones are what REVOKE takes away. */
type Exposure = { reason: string; grantable: boolean };

/**
 * Why the connection could rewrite the audit trail; empty when it can only append and read. Ownership (or
 * membership in the owner's role) is what ALTER TABLE and DISABLE TRIGGER need, and no REVOKE removes it.
 */
async function auditTrailExposure(client: pg.Client): Promise<Exposure[]> {
  const { rows } = await client.query<{
    table: string;
    superuser: boolean;
    owner: boolean;
    rights: string[];
  }>(
    `SELECT t AS table, r.rolsuper AS superuser, pg_has_role(current_user, c.relowner, 'MEMBER') AS owner,
            ARRAY(SELECT p FROM unnest(ARRAY['UPDATE','DELETE','TRUNCATE','TRIGGER','REFERENCES']) p
                  WHERE has_table_privilege(c.oid, p)) AS rights
     FROM unnest($1::text[]) t
     JOIN pg_class c ON c.oid = to_regclass('public.' || quote_ident(t))
     JOIN pg_roles r ON r.rolname = current_user`,
    [APPEND_ONLY_TABLES],
  );
  const { role } = await whoAmI(client);
  if (rows.some((r) => r.superuser)) return [{ reason: `role "${role}" is a superuser`, grantable: false }];
  return rows.flatMap((r) => [
    ...(r.owner
      ? [{ reason: `role "${role}" owns ${r.table} or may act as its owner`, grantable: false }]
      : []),
    ...(r.rights.length
      ? [{ reason: `role "${role}" may ${r.rights.join(", ")} ${r.table}`, grantable: true }]
      : []),
  ]);
}

/** The worst first: an owner's table rights follow from owning it and go unsaid. */
function reasons(exposure: Exposure[]): string {
  const fixed = exposure.filter((e) => !e.grantable);
  return (fixed.length ? fixed : exposure).map((e) => e.reason).join("; ");
}

/**
 * pg-boss alters its own tables (a partition per queue), so its schema belongs to the role that runs it.
 * The app role may not create schemas: the owner installs pg-boss's (pg-boss's own SQL), then hands it over.
 */
async function handOverJobsSchema(owner: pg.Client, appRole: string): Promise<void> {
  const ownerOf = async () =>
    (
      await owner.query<{ owner: string }>(
        "SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = $1",
        [BOSS_SCHEMA],
      )
    ).rows[0]?.owner;
  const current = await ownerOf();
  if (current === appRole) return;
  // Its own transaction (BEGIN … COMMIT), so it runs before ours.
  if (current === undefined) await owner.query(getConstructionPlans(BOSS_SCHEMA));
  // Also a database that ran with one role until now: the schema and all pg-boss made in it move over.
  const objects = await owner.query<{ statement: string }>(
    `SELECT format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, $2::text) AS statement
       FROM pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
     UNION ALL
     SELECT format('ALTER SEQUENCE %s OWNER TO %I', c.oid::regclass, $2::text)
       FROM pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'S'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
     UNION ALL
     SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $2::text)
       FROM pg_proc p WHERE p.pronamespace = $1::regnamespace
     UNION ALL
     SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $2::text)
       FROM pg_type t WHERE t.typnamespace = $1::regnamespace AND t.typtype IN ('e', 'd')`,
    [BOSS_SCHEMA, appRole],
  );
  await inTransaction(owner, async () => {
    await owner.query(`ALTER SCHEMA ${id(BOSS_SCHEMA)} OWNER TO ${id(appRole)}`);
    for (const { statement } of objects.rows) await owner.query(statement);
  });
}

async function inTransaction(client: pg.Client, fn: () => Promise<void>): Promise<void> {
  await client.query("BEGIN");
  try {
    // npm start and npm run workers may boot at once; concurrent GRANTs on one object collide.
    await client.query("SELECT pg_advisory_xact_lock($1)", [GRANTS_LOCK]);
    await fn();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

export type PrivilegeOutcome =
  | { kind: "granted"; appRole: string; ownerRole: string }
  | { kind: "single-role"; appRole: string; exposure: Exposure[] }
  /** Only the app's own role was given: the owner migrated and granted beforehand (npm run db:migrate). */
  | { kind: "app-only"; appRole: string };

/**
 * Gives the app role (DATABASE_URL's) what it needs and no more, as the owner (MIGRATION_DATABASE_URL's).
 * Idempotent. Throws when the two name different databases, or when the app role could still rewrite the
 * audit trail afterwards (a superuser, or a member of the owner's role). With one role for both there is
 * nothing to grant: the outcome says so, with what that role could do to the trail.
 */
export async function grantAppPrivileges(ownerUrl: string, appUrl: string): Promise<PrivilegeOutcome> {
  const app = await withClient(appUrl, async (c) => ({
    ...(await whoAmI(c)),
    exposure: await auditTrailExposure(c),
  }));
  return withClient(ownerUrl, async (owner) => {
    const me = await whoAmI(owner);
    if (me.database !== app.database) {
      throw new Error(
        `MIGRATION_DATABASE_URL names database "${me.database}" but DATABASE_URL names "${app.database}".`,
      );
    }
    if (me.role === app.role) return { kind: "single-role", appRole: app.role, exposure: app.exposure };
    const fixed = app.exposure.filter((e) => !e.grantable);
    if (fixed.length) throw new Error(`DATABASE_URL could rewrite the audit trail: ${reasons(fixed)}.`);
    await inTransaction(owner, async () => {
      for (const statement of appPrivilegeStatements(app.role)) await owner.query(statement);
    });
    await handOverJobsSchema(owner, app.role);
    // Rights granted to PUBLIC, or by someone else with grant option, survive our REVOKE.
    const left = await withClient(appUrl, auditTrailExposure);
    if (left.length) throw new Error(`DATABASE_URL could still rewrite the audit trail: ${reasons(left)}.`);
    return { kind: "granted", appRole: app.role, ownerRole: me.role };
  });
}

/**
 * Migrations as the owner, then the app role's grants: what `npm start`, workers and db:migrate run. Given
 * only a role that cannot change the audit trail, so not the owner, it migrates nothing and grants nothing:
 * it checks that the release step (db:migrate as the owner) left no migration pending.
 */
export async function migrateDatabase(urls: {
  ownerUrl: string;
  appUrl: string;
}): Promise<{ applied: string[]; privileges: PrivilegeOutcome }> {
  const owner = await withClient(urls.ownerUrl, async (c) => ({
    ...(await whoAmI(c)),
    exposure: await auditTrailExposure(c),
    migrated: (await c.query("SELECT to_regclass('public.audit_events') IS NOT NULL AS yes")).rows[0].yes,
  }));
  const alone = urls.ownerUrl === urls.appUrl;
  if (alone && owner.migrated && owner.exposure.length === 0) {
    const pending = await pendingMigrations(urls.ownerUrl);
    if (pending.length) {
      throw new Error(
        `Migrations are pending (${pending.join(", ")}), and role "${owner.role}" may not apply them: run \`npm run db:migrate\` with MIGRATION_DATABASE_URL set to the owner first.`,
      );
    }
    return { applied: [], privileges: { kind: "app-only", appRole: owner.role } };
  }
  const applied = await applyMigrations(urls.ownerUrl);
  return { applied, privileges: await grantAppPrivileges(urls.ownerUrl, urls.appUrl) };
}

/** One line for the terminal: what the grants did, or why a single role is a risk. */
export function describePrivileges(outcome: PrivilegeOutcome): string | null {
  if (outcome.kind === "granted") {
    return `Role "${outcome.appRole}" may append to and read the audit trail, not change it (owner "${outcome.ownerRole}").`;
  }
  if (outcome.kind === "app-only") {
    return `Role "${outcome.appRole}" may append to and read the audit trail, not change it; no migration is pending.`;
  }
  if (!outcome.exposure.length) return null;
  return `Warning: the app connects as the schema owner, so it could rewrite its own audit trail (${reasons(outcome.exposure)}). Set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a role of the app's own (README, "Production").`;
}
