// Starts (or reaches) a real PostgreSQL once, migrates a template database, and hands its name to the workers.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrations";

// Declaration merging needs an interface here.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!adminUrl) {
    dir = await mkdtemp(path.join(os.tmpdir(), "mbo-test-pg-"));
    const running = await startEmbeddedPostgres({ dir, port: await freePort(), persistent: false });
    adminUrl = running.url("postgres");
    stop = running.stop;
  }
  const templateDb = `mbo_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDb}`);
  await admin.query(`CREATE DATABASE ${templateDb}`);
  await applyMigrations(withDatabase(adminUrl, templateDb));
  await admin.end();
  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", templateDb);

  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`);
    await c.end();
    await stop?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
