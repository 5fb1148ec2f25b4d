// The two roles of README "Production", set up as documented on a database of their own: migrations run as
// a non-superuser owner, the app connects as its own role and cannot rewrite the audit trail.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { grantAppPrivileges, migrateDatabase } from "../../scripts/db/roles";

const adminUrl = inject("adminUrl");
const templateDb = inject("templateDb");
// Roles are cluster-wide and test files run in parallel: every name is this run's own.
const suffix = randomBytes(4).toString("hex");
const password = randomBytes(12).toString("hex");
const roles = { owner: `mbo_owner_${suffix}`, app: `mbo_app_${suffix}` };
const databases = { main: `mbo_roles_${suffix}`, legacy: `mbo_roles_legacy_${suffix}` };
const extraRoles: string[] = [];

function urlFor(role: string | null, database: string): string {
  const url = new URL(adminUrl);
  if (role) {
    url.username = role;
    url.password = password;
  }
  url.pathname = `/${database}`;
  return url.toString();
}
const ownerUrl = urlFor(roles.owner, databases.main);
const appUrl = urlFor(roles.app, databases.main);

async function admin(statements: string[], database = "postgres"): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(null, database) });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
const createRole = (name: string) => `CREATE ROLE ${name} LOGIN PASSWORD '${password}'`;

type App = {
  db: ReturnType<typeof import("@/lib/db").getDb>;
  appendAuditRow: typeof import("@/lib/audit/record").appendAuditRow;
  verifyAuditChain: typeof import("@/lib/audit/verify").verifyAuditChain;
  jobs: typeof import("@/lib/jobs/boss") &
    typeof import("@/lib/jobs/send") &
    typeof import("@/lib/jobs/queues");
  writeCheckpoint: typeof import("@/lib/audit/checkpoint").writeCheckpoint;
  deps: typeof import("@/lib/audit/checkpoint-deps").appCheckpointDeps;
};
let app: App;
let asApp: pg.Client;
let mediaDir: string;

beforeAll(async () => {
  await admin([
    createRole(roles.owner),
    createRole(roles.app),
    // Lets the owner hand pg-boss's schema to the app role (README, "Production").
    `GRANT ${roles.app} TO ${roles.owner}`,
    `CREATE DATABASE ${databases.main} OWNER ${roles.owner}`,
  ]);
  const { privileges } = await migrateDatabase({ ownerUrl, appUrl });
  expect(privileges).toEqual({ kind: "granted", appRole: roles.app, ownerRole: roles.owner });
  // Before any app module reads the environment: the app runs as its own role.
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "mbo-roles-media-"));
  Object.assign(process.env, { DATABASE_URL: appUrl, MEDIA_DIR: mediaDir });
  const [
    { getDb },
    { appendAuditRow },
    { verifyAuditChain },
    boss,
    send,
    queues,
    { writeCheckpoint },
    { appCheckpointDeps },
  ] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/audit/record"),
    import("@/lib/audit/verify"),
    import("@/lib/jobs/boss"),
    import("@/lib/jobs/send"),
    import("@/lib/jobs/queues"),
    import("@/lib/audit/checkpoint"),
    import("@/lib/audit/checkpoint-deps"),
  ]);
  app = {
    db: getDb(),
    appendAuditRow,
    verifyAuditChain,
    jobs: { ...boss, ...send, ...queues },
    writeCheckpoint,
    deps: appCheckpointDeps,
  };
  asApp = new pg.Client({ connectionString: appUrl });
  await asApp.connect();
});

afterAll(async () => {
  await app?.jobs.stopBoss();
  await app?.db.$disconnect();
  await asApp?.end();
  await rm(mediaDir, { recursive: true, force: true });
  await admin([
    `DROP DATABASE IF EXISTS ${databases.main} WITH (FORCE)`,
    `DROP DATABASE IF EXISTS ${databases.legacy} WITH (FORCE)`,
    ...[...extraRoles, roles.app, roles.owner].map((r) => `DROP ROLE IF EXISTS ${r}`),
  ]);
});

const write = (action: string) =>
  app.db.$transaction((tx) => app.appendAuditRow(tx, { action, targetType: "verification", targetId: "v1" }));

describe("the app's database role", () => {
  it("appends audit events through the app's own writer and reads them back", async () => {
    await write("roles.first");
    await write("roles.second");
    const { rows } = await asApp.query("SELECT action FROM audit_events ORDER BY id");
    expect(rows.map((r) => r.action)).toEqual(["roles.first", "roles.second"]);
    expect((await app.verifyAuditChain(app.deps().pool)).ok).toBe(true);
  });

  it.each([
    ["UPDATE", "UPDATE audit_events SET action = 'forged'", /permission denied for table audit_events/],
    ["DELETE", "DELETE FROM audit_events", /permission denied for table audit_events/],
    ["TRUNCATE", "TRUNCATE audit_events", /permission denied for table audit_events/],
    ["ALTER TABLE", "ALTER TABLE audit_events ADD COLUMN note text", /must be owner of table audit_events/],
    [
      "DISABLE TRIGGER",
      "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only",
      /must be owner of table audit_events/,
    ],
    [
      "CREATE TRIGGER",
      `CREATE TRIGGER sneak BEFORE INSERT ON audit_events FOR EACH ROW
       EXECUTE FUNCTION audit_events_refuse_change()`,
      /permission denied for table audit_events/,
    ],
    ["DROP TABLE", "DROP TABLE audit_events", /must be owner of table audit_events/],
    [
      "setval",
      "SELECT setval('audit_events_id_seq', 1)",
      /permission denied for sequence audit_events_id_seq/,
    ],
    [
      "session_replication_role",
      "SET session_replication_role = replica",
      /permission denied to set parameter "session_replication_role"/,
    ],
    [
      "UPDATE",
      "UPDATE audit_checkpoints SET \"headHash\" = 'x'",
      /permission denied for table audit_checkpoints/,
    ],
    ["DELETE", "DELETE FROM audit_checkpoints", /permission denied for table audit_checkpoints/],
    ["TRUNCATE", "TRUNCATE audit_checkpoints", /permission denied for table audit_checkpoints/],
    [
      "DISABLE TRIGGER",
      "ALTER TABLE audit_checkpoints DISABLE TRIGGER ALL",
      /must be owner of table audit_checkpoints/,
    ],
    [
      "the migrations table",
      'DELETE FROM "_prisma_migrations"',
      /permission denied for table _prisma_migrations/,
    ],
  ])("is refused %s (%s)", async (_what, statement, refusal) => {
    // The privilege check refuses before the append-only trigger would: no trigger message here.
    await expect(asApp.query(statement)).rejects.toThrow(refusal);
    expect((await app.verifyAuditChain(app.deps().pool)).ok).toBe(true);
  });

  it("still does everything else the app does: ordinary writes, row locks, jobs, checkpoints", async () => {
    const staff = await app.db.staffUser.create({
      data: { email: `roles-${suffix}@test`, name: "Role Test", role: "OFFICER", passwordHash: "x" },
    });
    await app.db.staffUser.update({ where: { id: staff.id }, data: { name: "Renamed" } });
    await app.db.$transaction(
      (tx) => tx.$queryRaw`SELECT id FROM staff_users WHERE id = ${staff.id}::uuid FOR UPDATE`,
    );
    await app.db.staffUser.delete({ where: { id: staff.id } });
    // pg-boss installs itself and creates a table per queue: in the schema the owner handed to the app.
    const jobId = await app.jobs.sendJob(app.jobs.QUEUES.linkEmail, {
      linkId: "00000000-0000-0000-0000-000000000000",
    });
    expect(jobId).toEqual(expect.any(String));
    const outcome = await app.writeCheckpoint(app.deps());
    expect(outcome).toMatchObject({ kind: "written" });
  });

  it("grants again without harm, and a table a later migration adds is the app's to use", async () => {
    expect(await grantAppPrivileges(ownerUrl, appUrl)).toMatchObject({ kind: "granted" });
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      await owner.query("CREATE TABLE later_table (id serial PRIMARY KEY, note text)");
    } finally {
      await owner.end();
    }
    await asApp.query("INSERT INTO later_table (note) VALUES ('a')");
    await asApp.query("UPDATE later_table SET note = 'b'");
    await asApp.query("DELETE FROM later_table");
    await expect(asApp.query("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/permission denied/);
  });

  it("is refused as the app role when it could act as the owner", async () => {
    const member = `mbo_member_${suffix}`;
    extraRoles.push(member);
    await admin([createRole(member), `GRANT ${roles.owner} TO ${member}`]);
    await expect(grantAppPrivileges(ownerUrl, urlFor(member, databases.main))).rejects.toThrow(
      `DATABASE_URL could rewrite the audit trail: role "${member}" owns audit_events or may act as its owner`,
    );
  });
});

describe("an app server started with the app's role alone", () => {
  it("migrates nothing, and refuses to start while a migration is pending", async () => {
    // The release step migrated as the owner; npm start then holds no owner password at all.
    expect(await migrateDatabase({ ownerUrl: appUrl, appUrl })).toEqual({
      applied: [],
      privileges: { kind: "app-only", appRole: roles.app },
    });
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      const last = `SELECT * FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
      const [row] = (await owner.query(last)).rows;
      await owner.query(`DELETE FROM "_prisma_migrations" WHERE id = $1`, [row.id]);
      await expect(migrateDatabase({ ownerUrl: appUrl, appUrl })).rejects.toThrow(
        `Migrations are pending (${row.migration_name}), and role "${roles.app}" may not apply them`,
      );
      const columns = Object.keys(row);
      await owner.query(
        `INSERT INTO "_prisma_migrations" (${columns.map((c) => `"${c}"`).join(", ")})
         VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
        Object.values(row),
      );
    } finally {
      await owner.end();
    }
  });
});

describe("a database that ran with one role until now", () => {
  it("hands pg-boss's schema over to the app role, which then runs its queues", async () => {
    const legacy = `mbo_legacy_${suffix}`;
    extraRoles.push(legacy);
    // Cloning needs the template to have no other session: take turns with the other files' setup.
    await admin([
      createRole(legacy),
      "SELECT pg_advisory_lock(727002)",
      `CREATE DATABASE ${databases.legacy} TEMPLATE ${templateDb}`,
      "SELECT pg_advisory_unlock(727002)",
    ]);
    const single = urlFor(null, databases.legacy);
    const before = new PgBoss({ connectionString: single, schema: "pgboss" });
    await before.start();
    await before.createQueue("legacy.queue");
    await before.stop({ graceful: false, close: true });

    const legacyUrl = urlFor(legacy, databases.legacy);
    expect(await grantAppPrivileges(single, legacyUrl)).toMatchObject({ kind: "granted", appRole: legacy });
    const after = new PgBoss({ connectionString: legacyUrl, schema: "pgboss" });
    after.on("error", () => {});
    await after.start();
    try {
      await after.createQueue("legacy.new-queue");
      expect(await after.send("legacy.new-queue", { n: 1 })).toEqual(expect.any(String));
      expect(await after.send("legacy.queue", { n: 2 })).toEqual(expect.any(String));
      const [job] = await after.fetch("legacy.new-queue");
      expect(job?.data).toEqual({ n: 1 });
    } finally {
      await after.stop({ graceful: false, close: true });
    }
  });
});
