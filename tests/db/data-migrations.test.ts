// MarkID tokens stored in clear before 20261201223357_seal_markid_secrets are sealed by the data migration that
// follows it, and the app opens them afterwards: a database upgraded in place keeps working.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openAuthToken, openLinkTarget, openWebhookBody, sealAuthToken } from "@/lib/auth/markid-secrets";
import { applyDataMigrations } from "../../scripts/db/data-migrations";
import { MIGRATIONS_DIR } from "../../scripts/db/schema-engine";
import { createScratchDatabase, runSql } from "../support/databases";

const TOKEN = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0";
const TARGET = `https://ivs.markid.eu/api/v2/redirect?authToken=${TOKEN}`;
const BODY = `{"scanRef": "scan-1", "authToken": "${TOKEN}", "status": true}`;
const BODY_SHA = "ab".repeat(32);

const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(drops.map((drop) => drop()));
});

async function migrationSql(): Promise<Array<{ name: string; sql: string }>> {
  const dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    dirs.map(async (name) => ({
      name,
      sql: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"),
    })),
  );
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe("data migration seal-markid-secrets", () => {
  it("seals what was stored in clear, once, leaves sealed values alone, and the app opens them", async () => {
    const db = await createScratchDatabase();
    drops.push(db.drop);
    const all = await migrationSql();
    const at = all.findIndex((m) => m.name.endsWith("_seal_markid_secrets"));
    expect(at).toBeGreaterThan(0);
    for (const m of all.slice(0, at)) await runSql(db.url, m.sql);

    // Rows as the app wrote them before the migration.
    const [vId, linkId, eventId] = [randomUUID(), randomUUID(), randomUUID()];
    await query(
      db.url,
      `INSERT INTO verifications (id, "scanRef", "clientId", "authToken", "tokenType", "updatedAt")
       VALUES ($1, 'scan-1', 'client-1', $2, 'VIDEO_CALL', now())`,
      [vId, TOKEN],
    );
    await query(
      db.url,
      `INSERT INTO link_deliveries (id, slug, "verificationId", kind, channel, "targetUrl")
       VALUES ($1, 'slug-0123456789abcdefgh', $2, 'TOKEN_REDIRECT', 'COPY', $3)`,
      [linkId, vId, TARGET],
    );
    await query(
      db.url,
      `INSERT INTO webhook_events (id, "bodySha256", "rawBody", kind) VALUES ($1, $2, $3, 'VIDEO_CALL_FINISHED')`,
      [eventId, BODY_SHA, BODY],
    );

    for (const m of all.slice(at)) await runSql(db.url, m.sql);
    // One the new app wrote meanwhile: already sealed, it must stay exactly as it is.
    const fresh = sealAuthToken("scan-2", TOKEN);
    await query(
      db.url,
      `INSERT INTO verifications (id, "scanRef", "clientId", "authTokenSealed", "tokenType", "updatedAt")
       VALUES ($1, 'scan-2', 'client-2', $2, 'VIDEO_CALL', now())`,
      [randomUUID(), fresh],
    );

    const secret = process.env.NEXTAUTH_SECRET!;
    expect(await applyDataMigrations(db.url, secret)).toEqual(["seal-markid-secrets"]);
    const read = async () => ({
      verifications: await query<{ scanRef: string; authTokenSealed: string }>(
        db.url,
        `SELECT "scanRef", "authTokenSealed" FROM verifications ORDER BY "scanRef"`,
      ),
      link: (
        await query<{ slug: string; targetUrlSealed: string }>(
          db.url,
          `SELECT slug, "targetUrlSealed" FROM link_deliveries`,
        )
      )[0]!,
      event: (
        await query<{ bodySha256: string; bodySealed: string }>(
          db.url,
          `SELECT "bodySha256", "bodySealed" FROM webhook_events`,
        )
      )[0]!,
    });
    const after = await read();
    const stored = JSON.stringify(after);
    expect(stored).not.toContain(TOKEN);
    expect(after.verifications.map(openAuthToken)).toEqual([TOKEN, TOKEN]);
    expect(after.verifications[1]!.authTokenSealed).toBe(fresh);
    expect(openLinkTarget(after.link)).toBe(TARGET);
    expect(openWebhookBody(after.event)).toBe(BODY);

    // Recorded: a second start runs nothing and changes nothing.
    expect(await applyDataMigrations(db.url, secret)).toEqual([]);
    expect(await read()).toEqual(after);
  });
});
