import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENESIS_HASH, hashAuditRow, type AuditHashedRow } from "@/lib/audit/hash";

type App = {
  db: ReturnType<typeof import("@/lib/db").getDb>;
  pool: ReturnType<typeof import("@/lib/db").getPool>;
  appendAuditRow: typeof import("@/lib/audit/record").appendAuditRow;
  verify: typeof import("@/lib/audit/verify").verifyAuditChain;
};
let app: App;
let sql: pg.Client;

beforeAll(async () => {
  const [{ getDb, getPool }, { appendAuditRow }, { verifyAuditChain }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/audit/record"),
    import("@/lib/audit/verify"),
  ]);
  app = { db: getDb(), pool: getPool(), appendAuditRow, verify: verifyAuditChain };
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
});
afterAll(() => sql.end());

const write = (action: string, details: Record<string, unknown> = {}) =>
  app.db.$transaction((tx) =>
    app.appendAuditRow(tx, {
      action,
      actorEmail: "a@t",
      targetType: "verification",
      targetId: "v1",
      details,
    }),
  );
const ids = async () =>
  (await app.db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((r) => r.id);
// Tampering needs the trigger out of the way, as only the table owner could do.
async function asOwner(statement: string, params: unknown[] = []) {
  await sql.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
  try {
    await sql.query(statement, params);
  } finally {
    await sql.query("ALTER TABLE audit_events ENABLE ALWAYS TRIGGER audit_events_append_only");
  }
}

const row: AuditHashedRow = {
  occurredAt: new Date("2026-01-02T03:04:05.678Z"),
  actorId: null,
  actorEmail: "a@t",
  action: "x",
  targetType: null,
  targetId: null,
  requestId: null,
  ip: null,
  userAgent: null,
  details: { b: 1, a: { d: [1, { z: 1, y: 2 }], c: "é" } },
};

describe("the audit hash", () => {
  it("ignores key order at every depth, and covers nested details", () => {
    const reordered = { ...row, details: { a: { c: "é", d: [1, { y: 2, z: 1 }] }, b: 1 } };
    expect(hashAuditRow(GENESIS_HASH, reordered)).toBe(hashAuditRow(GENESIS_HASH, row));
    const changed = { ...row, details: { b: 1, a: { d: [1, { z: 1, y: 3 }], c: "é" } } };
    expect(hashAuditRow(GENESIS_HASH, changed)).not.toBe(hashAuditRow(GENESIS_HASH, row));
  });

  it("hashes dates, undefined and bigints as jsonb stores them", () => {
    const at = new Date("2026-05-06T07:08:09.010Z");
    const withTypes = { ...row, details: { at, gone: undefined, n: 12n } };
    const asStored = { ...row, details: { at: at.toISOString(), n: "12" } };
    expect(hashAuditRow(GENESIS_HASH, withTypes)).toBe(hashAuditRow(GENESIS_HASH, asStored));
  });

  it("is reproduced from the stored row for any JSON details (write, read back, verify)", async () => {
    const json = fc.jsonValue({ maxDepth: 3 }).filter((v) => !JSON.stringify(v).includes("\\u0000"));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), json, { maxKeys: 4 }), async (details) => {
        await write("property.check", { ...details, at: new Date() });
        const report = await app.verify(app.pool);
        expect(report.firstBreak).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});

describe("the append-only audit table", () => {
  beforeAll(() => write("seed"));

  it.each([
    ["audit_events", "UPDATE", "UPDATE audit_events SET action = 'forged'"],
    ["audit_events", "DELETE", "DELETE FROM audit_events"],
    ["audit_events", "DELETE", "DELETE FROM audit_events WHERE false"],
    ["audit_events", "TRUNCATE", "TRUNCATE audit_events"],
    ["audit_checkpoints", "UPDATE", `UPDATE audit_checkpoints SET "headHash" = 'forged'`],
    ["audit_checkpoints", "DELETE", "DELETE FROM audit_checkpoints"],
    ["audit_checkpoints", "TRUNCATE", "TRUNCATE audit_checkpoints"],
  ])("%s refuses %s (%s)", async (table, op, statement) => {
    await expect(sql.query(statement)).rejects.toThrow(`${table} is append-only: ${op} refused`);
  });

  it("still refuses when replication-role tricks turn ordinary triggers off", async () => {
    await sql.query("SET session_replication_role = replica");
    try {
      await expect(sql.query("DELETE FROM audit_events")).rejects.toThrow(/append-only/);
    } finally {
      await sql.query("SET session_replication_role = DEFAULT");
    }
  });
});

describe("the chain verifier", () => {
  beforeAll(async () => {
    for (let i = 0; i < 6; i += 1) await write("chain.step", { i, nested: { b: i, a: [i] } });
  });

  it("finds an intact chain and reports its head", async () => {
    const report = await app.verify(app.pool, { batchSize: 4 });
    const last = (await ids()).at(-1)!;
    expect(report).toMatchObject({ ok: true, firstBreak: null, head: { id: last.toString() } });
    expect(report.checked).toBe((await ids()).length);
  });

  it.each([
    ["details", `jsonb_set(details, '{nested,b}', '99')`, "details"],
    ["details", `details || '{"__proto__": {"admin": true}}'`, "details"],
    ["ip", `'198.51.100.1'`, "ip"],
    ['"occurredAt"', `"occurredAt" + interval '1 millisecond'`, '"occurredAt"'],
    // The same digits in another era: the verifier reads the instant, never a formatted date.
    ['"occurredAt"', `("occurredAt"::text || ' BC')::timestamp`, '"occurredAt"'],
  ])("names a row whose %s was changed (to %s)", async (column, forged, original) => {
    const target = (await ids()).at(-4)!;
    await sql.query(`CREATE TEMP TABLE saved AS SELECT ${original} AS v FROM audit_events WHERE id = $1`, [
      target,
    ]);
    await asOwner(`UPDATE audit_events SET ${column} = ${forged} WHERE id = $1`, [target]);
    const report = await app.verify(app.pool, { batchSize: 3 });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ id: target.toString(), kind: "altered" });
    await asOwner(`UPDATE audit_events SET ${column} = (SELECT v FROM saved) WHERE id = $1`, [target]);
    await sql.query("DROP TABLE saved");
    expect((await app.verify(app.pool)).ok).toBe(true);
  });

  it("names the row after a deleted one, and the last good row before the gap", async () => {
    const all = await ids();
    const [before, victim, after] = all.slice(-4, -1) as [bigint, bigint, bigint];
    await sql.query("CREATE TEMP TABLE victim AS SELECT * FROM audit_events WHERE id = $1", [victim]);
    await asOwner("DELETE FROM audit_events WHERE id = $1", [victim]);
    const report = await app.verify(app.pool, { batchSize: 2 });
    expect(report.firstBreak).toMatchObject({
      id: after.toString(),
      previousId: before.toString(),
      kind: "unlinked",
    });
    expect(report.firstBreak!.message).toMatch(new RegExp(`Row ${after} does not follow row ${before}`));
    await sql.query("INSERT INTO audit_events SELECT * FROM victim");
    expect((await app.verify(app.pool)).ok).toBe(true);
  });

  it("names the first row when the start of the log was deleted", async () => {
    const [first, second] = (await ids()) as [bigint, bigint];
    const saved = (await sql.query("SELECT * FROM audit_events WHERE id = $1", [first])).rows[0];
    await asOwner("DELETE FROM audit_events WHERE id = $1", [first]);
    const report = await app.verify(app.pool);
    expect(report.firstBreak).toMatchObject({ id: second.toString(), previousId: null, kind: "unlinked" });
    expect(saved.prevHash).toBe(GENESIS_HASH);
  });
});
