// The one place that reads process.env. Everything else asks getEnv().
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/auth/client-ip";
import { ssoChecks, ssoFields, ssoSettings } from "@/lib/auth/sso-env";
import { defaultMediaOrigin, parseMediaHosts } from "@/lib/media/media-hosts";
import { processWide } from "@/lib/singleton";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const url = (what: string) => z.url({ message: `must be a URL (${what})` });
const byteLimit = (fallback: number) =>
  z.coerce
    .number({ message: "must be a number of bytes" })
    .int()
    .min(1024, "must be at least 1024")
    .default(fallback);

// HMAC-SHA256 keys shorter than its block are guessable in a way a bank's review will not accept.
const MIN_WEBHOOK_KEY_BYTES = 32;

const trustedProxies = z
  .string()
  .optional()
  .transform((value, ctx) => {
    try {
      return parseTrustedProxies(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  });

const fields = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // The app's own role: INSERT and SELECT only on the audit tables (scripts/db/roles.ts).
  DATABASE_URL: z
    .string({ message: "is required: a PostgreSQL connection string" })
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://"),
  // The role that owns the tables and runs migrations; unset, DATABASE_URL is used for both.
  MIGRATION_DATABASE_URL: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  // "off" sends every statement unnamed: for a pooler that cannot keep prepared statements (PgBouncer in
  // transaction mode before 1.21, or without max_prepared_statements). lib/db-statements.ts says why "on".
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
  APP_URL: url("the address staff and clients use, e.g. https://backoffice.example.com"),
  NEXTAUTH_SECRET: z
    .string({ message: "is required: at least 32 random characters" })
    .min(32, "must be at least 32 characters"),
  MARKID_API_URL: url("MarkID's base URL, e.g. https://ivs.markid.eu"),
  MARKID_API_KEY: z.string({ message: "is required" }).min(1, "is required"),
  MARKID_API_SECRET: z.string({ message: "is required" }).min(1, "is required"),
  MARKID_WEBHOOK_SIGNING_KEY: z.string({ message: "is required" }).min(8, "must be at least 8 characters"),
  // Which X-Forwarded-For hops are our own reverse proxies; by default none, so the socket's peer is used.
  TRUSTED_PROXIES: trustedProxies,
  MARKID_SIGNATURE_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, "must be a valid header name")
    .default("Idenfy-Signature"),
  MARKID_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  // Where recording links may lead; default: MarkID's API host over https (lib/media/media-hosts.ts).
  MARKID_MEDIA_HOSTS: optionalText,
  MEDIA_MAX_VIDEO_BYTES: byteLimit(2 * 1024 ** 3),
  MEDIA_MAX_PHOTO_BYTES: byteLimit(25 * 1024 ** 2),
  // Signs the audit checkpoints (lib/audit/checkpoint.ts); never stored in the database, by design.
  AUDIT_CHECKPOINT_KEY: z.string({ message: "is required" }).min(1, "is required"),
  MEDIA_DIR: z.string().min(1).default(".data/media"),
  S3_BUCKET: optionalText,
  S3_REGION: optionalText,
  S3_ENDPOINT: optionalText,
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  SMTP_URL: optionalText,
  MAIL_FROM: z.string().default("MarkID Back Office <no-reply@localhost>"),
  ORG_NAME: z.string().min(1).default("MarkID Back Office"),
  // Set only by `npm run dev` and the e2e server when they start their local SMTP catcher: where it stores
  // the mail, which the development mailbox page (/dev/mailbox) lists.
  DEV_MAILBOX_DIR: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // "off": this server answers HTTP only, and `npm run workers` runs the job workers in their own process.
  JOB_WORKERS: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
  // How many web processes `npm start` runs on its port (lib/server/cluster.ts): one per core uses them all,
  // since each Node process renders pages on one core. Migrations run once, before the first starts.
  WEB_CONCURRENCY: z.coerce
    .number({ message: "must be a whole number of processes" })
    .int("must be a whole number of processes")
    .min(1, "must be at least 1")
    .max(64, "must be at most 64")
    .default(1),
  // "on" lets `npm run retention:purge -- --as-of=<date>` purge as if on a later date: for the e2e run, which
  // moves the clock five years on. Never set it for a real bank's data: it deletes before the policy says.
  RETENTION_TEST_CLOCK: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("off"),
  // Single sign-on with OpenID Connect and whether passwords still work (lib/auth/sso-env.ts).
  ...ssoFields,
});

type CrossChecked = {
  NODE_ENV: string;
  APP_URL?: string;
  S3_BUCKET?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  AUDIT_CHECKPOINT_KEY?: string;
};

const schema = fields
  .superRefine((env, ctx) => {
    crossChecks(env, ctx);
    ssoChecks(env, ctx);
    const keyBytes = Buffer.byteLength(env.MARKID_WEBHOOK_SIGNING_KEY, "utf8");
    if (env.NODE_ENV === "production" && keyBytes < MIN_WEBHOOK_KEY_BYTES) {
      ctx.addIssue({
        code: "custom",
        path: ["MARKID_WEBHOOK_SIGNING_KEY"],
        message: `must be at least ${MIN_WEBHOOK_KEY_BYTES} bytes in production (openssl rand -base64 32)`,
      });
    }
    if (env.MARKID_MEDIA_HOSTS) {
      const { problems } = parseMediaHosts(env.MARKID_MEDIA_HOSTS, env.NODE_ENV === "production");
      if (problems.length) {
        ctx.addIssue({ code: "custom", path: ["MARKID_MEDIA_HOSTS"], message: problems.join("; ") });
      }
    }
  })
  .transform((env) => ({
    ...env,
    /** The origins recording downloads may reach, normalised (`https://host[:port]`, or an http loopback). */
    MARKID_MEDIA_HOSTS: env.MARKID_MEDIA_HOSTS
      ? parseMediaHosts(env.MARKID_MEDIA_HOSTS, env.NODE_ENV === "production").origins
      : [defaultMediaOrigin(env.MARKID_API_URL)],
    /** Single sign-on (null when not configured), whether passwords work, and the break-glass addresses. */
    SIGN_IN: ssoSettings(env),
  }));

/** The rules across variables, for the whole environment and for the checkpoint tools' part of it. */
function crossChecks(env: CrossChecked, ctx: z.RefinementCtx): void {
  const production = env.NODE_ENV === "production";
  if (production && env.APP_URL && !env.APP_URL.startsWith("https://") && !isLocal(env.APP_URL)) {
    ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "must use https:// in production" });
  }
  if (env.S3_BUCKET && !(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY)) {
    ctx.addIssue({
      code: "custom",
      path: ["S3_ACCESS_KEY_ID"],
      message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required with S3_BUCKET",
    });
  }
  if (production && env.AUDIT_CHECKPOINT_KEY && Buffer.byteLength(env.AUDIT_CHECKPOINT_KEY) < 32) {
    ctx.addIssue({
      code: "custom",
      path: ["AUDIT_CHECKPOINT_KEY"],
      message: "must be at least 32 bytes in production",
    });
  }
}

// What `npm run audit:verify` and `audit:checkpoint` read: storage and the key, checked the same way.
const { NODE_ENV, AUDIT_CHECKPOINT_KEY, MEDIA_DIR, S3_BUCKET, S3_REGION, S3_ENDPOINT } = fields.shape;
const { S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = fields.shape;
const checkpointToolSchema = z
  .object({
    NODE_ENV,
    AUDIT_CHECKPOINT_KEY,
    MEDIA_DIR,
    S3_BUCKET,
    S3_REGION,
    S3_ENDPOINT,
    S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY,
  })
  .superRefine(crossChecks);

function isLocal(value: string): boolean {
  const host = new URL(value).hostname;
  return host === "localhost" || host === "127.0.0.1";
}

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export type CheckpointToolEnv = z.infer<typeof checkpointToolSchema>;

/** Pure: validates a given environment. Each problem names its variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(schema, source);
}

/** Pure: validates what the checkpoint tools read, the same way as parseEnv. */
export function parseCheckpointToolEnv(source: Record<string, string | undefined>): CheckpointToolEnv {
  return parseWith(checkpointToolSchema, source);
}

/** Where migrations run: the owner's connection, or the app's when only one is configured. */
export function migrationDatabaseUrl(env: Pick<Env, "DATABASE_URL" | "MIGRATION_DATABASE_URL">): string {
  return env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
}

function parseWith<S extends z.ZodType>(target: S, source: Record<string, string | undefined>): z.infer<S> {
  const result = target.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const message =
      issue.code === "invalid_type" && source[name] === undefined ? "is required" : issue.message;
    return `${name} ${message}`;
  });
  throw new EnvError(problems);
}

/** The validated environment, read once. Throws EnvError naming every bad variable. */
export function getEnv(): Env {
  return processWide("env", () => parseEnv(process.env));
}
