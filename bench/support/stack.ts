// The app as it runs in production: `next build` once, then npm start's server through the dev stack's starter,
// with the MarkID sandbox as a child process, against the bench database on the local PostgreSQL.
import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { DEMO_STAFF } from "../../scripts/db/seed";
import { startStack } from "../../scripts/dev/stack";
import { BENCH_PASSWORDS, BENCH_SECRETS, benchTotpSecret, ROOT, type BenchConfig } from "./config";

// Every account the bench signs in with is enrolled: two-factor sign-in is required of every role, and the
// bench never relaxes it. The stack seeds these keys only in a database of its own, which mbo_bench is.
const DEMO_TOTP = Object.fromEntries(
  DEMO_STAFF.filter((s) => BENCH_PASSWORDS[s.key]).map((s) => [s.key, benchTotpSecret(s.email)]),
);

export async function buildApp(config: BenchConfig): Promise<number> {
  if (config.skipBuild) {
    console.log(`Using the existing build in ${config.distDir} (BENCH_SKIP_BUILD=1).`);
    return 0;
  }
  console.log(`next build → ${config.distDir}`);
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["build"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: config.distDir, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited ${code}`))));
  });
  return Math.round((performance.now() - started) / 1000);
}

export type RunningStack = { stop: () => Promise<void> };

export async function startApp(config: BenchConfig): Promise<RunningStack> {
  await mkdir(config.mediaDir, { recursive: true });
  // startStack reads these from the environment: the database server, the sandbox port, the build dir.
  Object.assign(process.env, {
    DATABASE_URL: config.adminUrl,
    MARKID_SANDBOX_PORT: String(config.sandboxPort),
    NEXT_DIST_DIR: config.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  delete process.env.MARKID_API_URL;
  const stack = await startStack({
    mode: "start",
    port: config.port,
    env: {
      ...BENCH_SECRETS,
      MEDIA_DIR: config.mediaDir,
      // Production logs at info; warn keeps the parent from spending the cores on relaying log lines.
      LOG_LEVEL: "warn",
      WEB_CONCURRENCY: String(config.webProcesses),
    },
    passwords: BENCH_PASSWORDS,
    totp: DEMO_TOTP,
    database: { database: config.database, dir: path.join(ROOT, ".data", "unused"), port: 0 },
    // Its own mail catcher, so a bench never takes the dev stack's port or mailbox.
    mail: { port: config.port + 2000, dir: path.join(ROOT, ".data", `bench-mailbox-${config.port}`) },
    envFile: config.envFile,
  });
  if (!stack.demoTwoFactor) {
    await stack.stop();
    throw new Error("The demo accounts were not enrolled: the bench signs in with a second factor only");
  }
  console.log(`App ready on ${config.baseUrl}`);
  return stack;
}
