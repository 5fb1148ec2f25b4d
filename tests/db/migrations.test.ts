import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, diffSchemas } from "../../scripts/db/migrations";
import { SCHEMA_PATH } from "../../scripts/db/schema-engine";
import { HAND_MADE_CONSTRAINTS, HAND_MADE_INDEXES, readCatalog } from "../support/catalog";
import { createScratchDatabase, runSql } from "../support/databases";

const scratch: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(scratch.map((drop) => drop()));
});

async function scratchDb() {
  const db = await createScratchDatabase();
  scratch.push(db.drop);
  return db.url;
}

describe("migrations", () => {
  it("apply once, then find nothing left to apply", async () => {
    const url = await scratchDb();
    const first = await applyMigrations(url);
    expect(first.length).toBeGreaterThan(0);
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("agree with schema.prisma (no drift)", async () => {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const migrated = await scratchDb();
    await applyMigrations(migrated);
    const fromSchema = await scratchDb();
    await runSql(fromSchema, await diffSchemas(fromSchema, null, schema));

    const [a, b] = await Promise.all([readCatalog(migrated), readCatalog(fromSchema)]);
    expect(a.columns.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  it("create the hand-made objects the drift check leaves out", async () => {
    const url = await scratchDb();
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const indexes = await client.query("SELECT indexname FROM pg_indexes WHERE indexname = ANY($1)", [
        HAND_MADE_INDEXES,
      ]);
      expect(indexes.rows.map((r) => r.indexname).sort()).toEqual([...HAND_MADE_INDEXES].sort());
      const checks = await client.query("SELECT conname FROM pg_constraint WHERE conname = ANY($1)", [
        HAND_MADE_CONSTRAINTS,
      ]);
      expect(checks.rows.map((r) => r.conname).sort()).toEqual([...HAND_MADE_CONSTRAINTS].sort());
      const triggers = await client.query(
        `SELECT tgname, tgenabled FROM pg_trigger
         WHERE tgname IN ('audit_events_append_only', 'audit_checkpoints_append_only', 'rulebook_versions_immutable')
         ORDER BY tgname`,
      );
      expect(triggers.rows).toEqual([
        { tgname: "audit_checkpoints_append_only", tgenabled: "A" },
        { tgname: "audit_events_append_only", tgenabled: "A" },
        { tgname: "rulebook_versions_immutable", tgenabled: "A" },
      ]);
    } finally {
      await client.end();
    }
  });

  it("detect a model field that has no migration", async () => {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const changed = schema.replace("model Verification {", "model Verification {\n  driftProbe String?");
    const url = await scratchDb();
    expect(await diffSchemas(url, schema, changed)).toMatch(/driftProbe/);
    expect(await diffSchemas(url, schema, schema)).toBe("");
  });
});
