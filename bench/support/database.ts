// The bench database: recreated, migrated, filled by the shared generator (tests/support/large-dataset.ts).
import { rm } from "node:fs/promises";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { sealTotpSecret } from "../../lib/auth/totp";
import { withClient } from "../../scripts/db/client";
import { applyMigrations } from "../../scripts/db/migrations";
import { bulkLoad, insertDecisionsAndMedia, insertVerifications } from "../../tests/support/large-dataset";
import { insertAuditEvents } from "../../tests/support/audit-chain-dataset";
import { anchorGeneratedChain } from "./audit-anchor";
import {
  BENCH_SECRETS,
  benchTotpSecret,
  DATASET_STAFF_DOMAIN,
  DATASET_STAFF_PASSWORD,
  loginAccountEmail,
  type BenchConfig,
} from "./config";

export type DatasetReport = {
  verifications: number;
  auditEvents: number;
  decisions: number;
  mediaAssets: number;
  reused: boolean;
  seconds: Record<string, number>;
};

async function timed(seconds: Record<string, number>, step: string, fn: () => Promise<unknown>) {
  const started = performance.now();
  await fn();
  seconds[step] = Math.round((performance.now() - started) / 100) / 10;
  console.log(`  ${step}: ${seconds[step]} s`);
}

async function counts(client: pg.Client) {
  // The case page's cases (bench/support/case-data.ts), one more every run, are not the generated dataset.
  const { rows } = await client.query<Record<string, string>>(`SELECT
    (SELECT count(*) FROM verifications WHERE "scanRef" NOT LIKE 'bench-case-%') AS verifications, (SELECT count(*) FROM audit_events) AS "auditEvents",
    (SELECT count(*) FROM decisions) AS decisions, (SELECT count(*) FROM media_assets) AS "mediaAssets"`);
  const row = rows[0]!;
  return {
    verifications: Number(row.verifications),
    auditEvents: Number(row.auditEvents),
    decisions: Number(row.decisions),
    mediaAssets: Number(row.mediaAssets),
  };
}

/** A new, empty database, and no media left over from the last one. */
async function recreate(config: BenchConfig): Promise<void> {
  await rm(config.mediaDir, { recursive: true, force: true });
  await withClient(config.adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${config.database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${config.database}"`);
  });
}

/** A dataset of the configured size, generated in SQL; reused only when asked and when its size matches. */
export async function prepareDataset(config: BenchConfig): Promise<DatasetReport> {
  const seconds: Record<string, number> = {};
  if (config.reuseDataset) {
    const existing = await withClient(config.databaseUrl, counts).catch(() => null);
    if (existing?.verifications === config.verifications) {
      console.log(`Reusing ${config.database}: ${JSON.stringify(existing)}`);
      await withClient(config.databaseUrl, (client) => prepareStaff(client, config.loginAccounts));
      return { ...existing, reused: true, seconds };
    }
  }
  console.log(`Generating ${config.verifications} verifications, ${config.auditEvents} audit events:`);
  await timed(seconds, "recreate", () => recreate(config));
  await timed(seconds, "migrate", () => applyMigrations(config.databaseUrl));
  const found = await withClient(config.databaseUrl, async (client) => {
    // A throwaway database: losing the last commits on a crash costs nothing, waiting for fsync costs a lot.
    await client.query("SET synchronous_commit = off");
    const tables = ["verifications", "decisions", "media_assets", "audit_events"];
    await timed(seconds, "load+index", () =>
      bulkLoad(client, tables, async () => {
        await timed(seconds, "verifications", () => insertVerifications(client, config.verifications));
        await timed(seconds, "decisions+media", () => insertDecisionsAndMedia(client));
        await timed(seconds, "auditEvents", () => insertAuditEvents(client, config.auditEvents));
      }),
    );
    await timed(seconds, "checkpoint", () => anchorGeneratedChain(client, config));
    await timed(seconds, "staff", () => prepareStaff(client, config.loginAccounts));
    // Sets the visibility map too, so the first benchmark does not pay for it.
    await timed(seconds, "vacuum", () => client.query("VACUUM ANALYZE"));
    // Writes out now what the load and the vacuum left dirty (gigabytes), which the checkpointer would otherwise
    // spread over the next four and a half minutes (checkpoint_completion_target) — the benchmarks' minutes.
    // CHECKPOINT needs a superuser or pg_checkpoint; without either the run goes on and says so.
    await timed(seconds, "flush", () =>
      client.query("CHECKPOINT").catch((error: Error) => console.warn(`No CHECKPOINT: ${error.message}`)),
    );
    return counts(client);
  });
  return { ...found, reused: false, seconds };
}

/**
 * The staff the bench signs in with: the generator's (which have no password, and addresses, bench-N@test,
 * that the login form's email check refuses) and the login case's own `loginAccounts`, all with
 * DATASET_STAFF_PASSWORD and enrolled in two-factor sign-in with their benchTotpSecret. No step counts as
 * used, for anyone: a new bench process does not know which codes an earlier one spent. Safe to repeat, so
 * a reused dataset gets exactly the same. The login accounts are operations staff: as officers, 2,000 names
 * would fill every staff menu of the list page (the team the dataset models has 20 deciders). `sessionSecret` is the app's NEXTAUTH_SECRET, which seals the keys.
 */
export async function prepareStaff(
  client: pg.Client,
  loginAccounts: number,
  sessionSecret = BENCH_SECRETS.NEXTAUTH_SECRET,
): Promise<void> {
  const hash = await hashPassword(DATASET_STAFF_PASSWORD);
  await client.query(
    `UPDATE staff_users SET "passwordHash" = $1, email = replace(email, '@test', '@${DATASET_STAFF_DOMAIN}')
     WHERE email LIKE 'bench-%@test'`,
    [hash],
  );
  const emails = Array.from({ length: loginAccounts }, (_, i) => loginAccountEmail(i + 1));
  await client.query(
    `INSERT INTO staff_users (id, email, name, role, "passwordHash", "updatedAt")
     SELECT gen_random_uuid(), e, 'Login ' || n, 'OPS'::"Role", $2, now()
     FROM unnest($1::text[]) WITH ORDINALITY AS t(e, n) ON CONFLICT (email) DO UPDATE SET role = 'OPS'`,
    [emails, hash],
  );
  const { rows } = await client.query<{ id: string; email: string }>(
    `SELECT id, email FROM staff_users WHERE email LIKE $1`,
    [`%@${DATASET_STAFF_DOMAIN}`],
  );
  const sealed = rows.map((r) => sealTotpSecret(r.id, benchTotpSecret(r.email), sessionSecret));
  await client.query(
    `UPDATE staff_users s SET "totpSecret" = v.sealed, "totpEnabledAt" = (now() AT TIME ZONE 'UTC')
     FROM unnest($1::uuid[], $2::text[]) AS v(id, sealed) WHERE s.id = v.id`,
    [rows.map((r) => r.id), sealed],
  );
  await client.query(`UPDATE staff_users SET "lastTotpStep" = NULL WHERE "lastTotpStep" IS NOT NULL`);
}
