// The whole back office on one machine: database, migrations, seed, MarkID sandbox, Next.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { applyDataMigrations } from "../db/data-migrations";
import { applyMigrations } from "../db/migrations";
import { DEMO_STAFF, seedClient, seedStaff, seedVerifications, setFourEyes } from "../db/seed";
import { startChild, stopChildren, waitForHttp, waitForOutput } from "./children";
import { DATA_DIR, devDatabase, type DatabaseTarget } from "./database";
import { mintDemoVerifications } from "./demo-verifications";
import { startMailCatcher, type MailCatcher } from "./mail-catcher";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKERS = path.join(ROOT, "scripts/workers.ts");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

export type StackOptions = {
  mode: "dev" | "start";
  port: number;
  env: Record<string, string>;
  /** Per demo account key (DEMO_STAFF's `key`). */
  passwords: Record<string, string>;
  /**
   * Base32 TOTP keys per demo account key: those accounts are seeded with two-factor sign-in on, but only in
   * a database of the stack's own (the embedded one, or the one `database` names), never in DATABASE_URL's.
   */
  totp?: Record<string, string>;
  database?: DatabaseTarget;
  /**
   * Four-eyes for every decision (e2e: true), published after seeding as the next rulebook version when the
   * version in force says otherwise; decision reasons and four-eyes live in the rulebook.
   */
  fourEyesForAll?: boolean;
  prepareDatabase?: (url: string) => Promise<void>;
  /** The local SMTP catcher started when SMTP_URL is unset; default port 2525, folder .data/mailbox. */
  mail?: { port: number; dir: string };
  /**
   * Where to write the app's own environment (mode 0600) once the stack is up, so a command-line tool can run
   * against the same database, storage and sandbox (the e2e run's `npm run retention:purge`).
   */
  envFile?: string;
  /**
   * Scale-out: one web instance per port, each with JOB_WORKERS=off, and one `npm run workers` process
   * (mode "start" only). `port` is then the caller's load balancer in front of them: APP_URL and the
   * sandbox's webhooks go there, and the stack is ready once every instance answers and the workers run.
   */
  webPorts?: number[];
};

export type RunningStack = {
  stop: () => Promise<void>;
  /** Whether the demo accounts were seeded with two-factor sign-in on (see `totp`). */
  demoTwoFactor: boolean;
};

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { url: databaseUrl, embedded } = await devDatabase(options.database, Boolean(options.database));
  const demoTwoFactor = Boolean(options.totp) && (embedded !== null || options.database !== undefined);
  let mail: MailCatcher | undefined;
  const stop = async () => {
    await stopChildren();
    await mail?.close();
    await embedded?.stop();
  };
  try {
    await options.prepareDatabase?.(databaseUrl);
    const applied = await applyMigrations(databaseUrl);
    if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);
    const secret = options.env.NEXTAUTH_SECRET!;
    const data = await applyDataMigrations(databaseUrl, secret);
    if (data.length) console.log(`Data migrations applied: ${data.join(", ")}`);

    const appUrl = process.env.APP_URL ?? `http://localhost:${options.port}`;
    const env: Record<string, string> = { ...options.env, DATABASE_URL: databaseUrl, APP_URL: appUrl };
    env.NEXTAUTH_URL = process.env.NEXTAUTH_URL ?? appUrl;

    if (!process.env.SMTP_URL) {
      const where = options.mail ?? { port: 2525, dir: path.join(DATA_DIR, "mailbox") };
      mail = await startMailCatcher(where);
      env.SMTP_URL = mail.url;
      env.DEV_MAILBOX_DIR = mail.dir;
      console.log(`Mail goes to the local catcher on ${mail.url}, kept in ${mail.dir}`);
    }

    const ownSandbox = !process.env.MARKID_API_URL;
    if (ownSandbox) {
      const sandboxPort = process.env.MARKID_SANDBOX_PORT ?? "4010";
      env.MARKID_API_URL = `http://127.0.0.1:${sandboxPort}`;
      // Its recordings come from the same origin, over http on loopback, so it is listed by address.
      env.MARKID_MEDIA_HOSTS = process.env.MARKID_MEDIA_HOSTS || env.MARKID_API_URL;
      const sandbox = startChild("sandbox", bin("tsx"), [path.join(ROOT, "sandbox/main.ts")], {
        ...process.env,
        ...env,
        MARKID_SANDBOX_PORT: sandboxPort,
        SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${options.port}/api/webhooks/markid`,
      });
      await waitForHttp(`${env.MARKID_API_URL}/api/v2/token`, 60_000, sandbox);
    }

    const db = seedClient(databaseUrl);
    try {
      const accounts = DEMO_STAFF.map((s) => ({
        ...s,
        password: options.passwords[s.key] ?? "",
        totpSecret: demoTwoFactor ? options.totp?.[s.key] : undefined,
      }));
      await seedStaff(db, accounts, env.NEXTAUTH_SECRET ?? "");
      if (options.fourEyesForAll !== undefined) await setFourEyes(db, options.fourEyesForAll);
      if (ownSandbox) {
        const seeded = await seedVerifications(db, await mintDemoVerifications(env), secret);
        if (seeded) console.log(`Seeded ${seeded} demo verifications.`);
        if (options.mode === "dev") await seedDemo(env, embedded !== null || options.database !== undefined);
      }
    } finally {
      await db.$disconnect();
    }

    await startServers(options, env);
    if (options.envFile) await writeFile(options.envFile, JSON.stringify(env), { mode: 0o600 });
    return { stop, demoTwoFactor };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startServers(options: StackOptions, env: Record<string, string>): Promise<void> {
  // One server in every mode (lib/server/http-server.ts): dev only adds Next's on-demand compiling.
  const start = [...profileArgs(), "--conditions=react-server", path.join(ROOT, "scripts/start.ts")];
  const childEnv = { ...process.env, ...env, NODE_ENV: nodeEnv(options.mode) };
  const serve = async (name: string, port: number, args: string[], extra: Record<string, string> = {}) => {
    const child = startChild(name, bin("tsx"), args, { ...childEnv, ...extra, PORT: String(port) });
    await waitForHttp(`http://127.0.0.1:${port}/login`, 180_000, child);
  };
  if (!options.webPorts) {
    await serve("next", options.port, options.mode === "dev" ? [...start, "--dev"] : start);
    return;
  }
  const workers = startChild("workers", bin("tsx"), ["--conditions=react-server", WORKERS], childEnv);
  const running = waitForOutput(workers, /Job workers running/, 180_000);
  await Promise.all([
    running,
    ...options.webPorts.map((port) => serve(`web-${port}`, port, start, { JOB_WORKERS: "off" })),
  ]);
}

/**
 * The demo cases (scripts/dev/demo-seed.ts) run the app's own code, which reads the app's environment: this
 * process takes it on (its children get it anyway). Its pool is closed again; the app has its own.
 */
async function seedDemo(env: Record<string, string>, ownDatabase: boolean): Promise<void> {
  // Quiet: each MarkID call would print a line; the app's own level comes back before Next starts.
  const level = process.env.LOG_LEVEL;
  Object.assign(process.env, env, { LOG_LEVEL: "warn" });
  const [{ seedDemoCases }, { getPool }] = await Promise.all([import("./demo-seed"), import("../../lib/db")]);
  try {
    const result = await seedDemoCases(ownDatabase);
    if ("refused" in result) console.log(`No demo cases: ${result.refused}.`);
    else if (result.seeded) console.log(`Seeded ${result.seeded} demo cases in every stage.`);
  } finally {
    await getPool().end();
    if (level === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = level;
  }
}

/** BENCH_CPU_PROFILE_DIR=dir: the production server writes a V8 CPU profile there when it stops. */
function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROFILE_DIR;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

function nodeEnv(mode: StackOptions["mode"]): "development" | "production" {
  return mode === "dev" ? "development" : "production";
}
