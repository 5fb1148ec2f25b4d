import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, diffSchemas } from "../../scripts/db/migrations";
import { SCHEMA_PATH } from "../../scripts/db/schema-engine";
import { readCatalog } from "../support/catalog";
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

  it("detect a model field that has no migration", async () => {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const changed = schema.replace("model Verification {", "model Verification {\n  driftProbe String?");
    const url = await scratchDb();
    expect(await diffSchemas(url, schema, changed)).toMatch(/driftProbe/);
    expect(await diffSchemas(url, schema, schema)).toBe("");
  });
});
