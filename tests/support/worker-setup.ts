// Each test file gets a fresh database cloned from the migrated template, and a complete test environment.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { peekProcessWide } from "@/lib/singleton";

const adminUrl = inject("adminUrl");
const templateDb = inject("templateDb");
const dbName = `mbo_test_${process.pid}_${randomBytes(4).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
// Cloning needs the template to have no other session, so workers take turns.
await admin.query("SELECT pg_advisory_lock(727002)");
try {
  await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${templateDb}`);
} finally {
  await admin.query("SELECT pg_advisory_unlock(727002)");
  await admin.end();
}

const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
// Storage of this file's own: job workers write audit checkpoints there, and no file may see another's.
const mediaDir = mkdtempSync(path.join(os.tmpdir(), "mbo-test-media-"));
Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: url.toString(),
  APP_URL: "http://localhost:3000",
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "test-session-secret-0123456789abcdef0123456789",
  MARKID_API_URL: process.env.MARKID_API_URL ?? "http://127.0.0.1:4010",
  MARKID_API_KEY: "test-api-key",
  MARKID_API_SECRET: "test-api-secret",
  MARKID_WEBHOOK_SIGNING_KEY: "test-signing-key",
  AUDIT_CHECKPOINT_KEY: "test-audit-checkpoint-key-0123456789abcdef",
  LOG_LEVEL: "silent",
  MEDIA_DIR: mediaDir,
});

afterAll(async () => {
  await peekProcessWide<{ $disconnect: () => Promise<void> }>("prisma")
    ?.$disconnect()
    .catch(() => {});
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await c.end();
  rmSync(mediaDir, { recursive: true, force: true });
});
