// Every knob of `npm run bench` and `npm run bench:load`, read once from the environment (see bench/README.md).
import { createHmac } from "node:crypto";
import path from "node:path";
import { Secret } from "otpauth";

export const ROOT = path.resolve(import.meta.dirname, "../..");

const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};
const flag = (name: string): boolean => process.env[name] === "1";

export type BenchConfig = ReturnType<typeof readConfig>;

export function readConfig() {
  const adminUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const database = process.env.BENCH_DB ?? "mbo_bench";
  // Dropped and recreated on every run: refuse anything that does not look like ours.
  if (!/^mbo_bench\w*$/.test(database)) throw new Error(`BENCH_DB must start with mbo_bench (${database})`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const port = num("BENCH_PORT", 3700);
  return {
    adminUrl,
    database,
    databaseUrl: url.toString(),
    port,
    sandboxPort: num("BENCH_SANDBOX_PORT", 4710),
    baseUrl: `http://127.0.0.1:${port}`,
    distDir: process.env.NEXT_DIST_DIR ?? ".next-bench",
    mediaDir: path.join(ROOT, ".data", `bench-media-${port}`),
    // The app's environment as the stack gave it, for the processes the bench runs with the app's code.
    envFile: path.join(ROOT, ".data", `bench-env-${port}.json`),
    seconds: num("BENCH_SECONDS", 10),
    warmupSeconds: num("BENCH_WARMUP_SECONDS", 2),
    // The list, case page and media cases measure app and baselines in turns: BENCH_SECONDS and
    // BENCH_WARMUP_SECONDS split into this many rounds.
    rounds: Math.max(1, Math.round(num("BENCH_ROUNDS", 2))),
    verifications: num("BENCH_VERIFICATIONS", 1_000_000),
    auditEvents: num("BENCH_AUDIT_EVENTS", 5_000_000),
    skipBuild: flag("BENCH_SKIP_BUILD"),
    // npm start's WEB_CONCURRENCY for the app: one web process per core, as README's "Running at scale" says.
    webProcesses: num("BENCH_WEB_CONCURRENCY", 2),
    reuseDataset: flag("BENCH_REUSE_DATASET"),
    loginAccounts: num("BENCH_LOGIN_ACCOUNTS", 2_000),
    load: {
      seconds: num("LOAD_SECONDS", 60),
      sessions: num("LOAD_SESSIONS", 50),
      webhooks: num("LOAD_WEBHOOKS", 1_000),
      webhookConcurrency: num("LOAD_WEBHOOK_CONCURRENCY", 20),
      decideEvery: num("LOAD_DECIDE_EVERY", 5),
    },
  };
}

// Not secrets: values for a throwaway stack on this machine, like the e2e ones.
export const BENCH_SECRETS = {
  NEXTAUTH_SECRET: "bench-session-secret-0123456789abcdef0123456789",
  MARKID_API_KEY: "bench-api-key",
  MARKID_API_SECRET: "bench-api-secret",
  MARKID_WEBHOOK_SIGNING_KEY: "bench-webhook-signing-key-0123456789abcdef",
  AUDIT_CHECKPOINT_KEY: "bench-audit-checkpoint-key-0123456789abcdef",
};

export const BENCH_PASSWORDS: Record<string, string> = {
  OFFICER: "bench-Officer-password-1",
  LEAD: "bench-Lead-password-1",
  OPS: "bench-Ops-password-1",
  ADMIN: "bench-Admin-password-1",
};

/** The generated staff (tests/support/large-dataset.ts) all get this password, so sessions can sign in. */
export const DATASET_STAFF_PASSWORD = "bench-Staff-password-1";
export const DATASET_STAFF_DOMAIN = "bench.example";

/** The login case's own enrolled accounts, `login-1@…` to `login-<BENCH_LOGIN_ACCOUNTS>@…`. */
export const loginAccountEmail = (n: number) => `login-${n}@${DATASET_STAFF_DOMAIN}`;

/**
 * The base32 TOTP key every bench account is enrolled with, derived from its address: known, like the e2e
 * keys, without a list to keep in step with the dataset's staff. Not a secret (see BENCH_SECRETS).
 */
export function benchTotpSecret(email: string): string {
  const bytes = createHmac("sha1", "markid-bench-totp").update(email.toLowerCase()).digest("hex");
  return Secret.fromHex(bytes).base32;
}
