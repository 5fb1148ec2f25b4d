import { describe, expect, it } from "vitest";
import { EnvError, migrationDatabaseUrl, parseCheckpointToolEnv, parseEnv } from "@/lib/env";

const VALID = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/db",
  APP_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "x".repeat(32),
  MARKID_API_URL: "https://ivs.markid.eu",
  MARKID_API_KEY: "key",
  MARKID_API_SECRET: "secret",
  MARKID_WEBHOOK_SIGNING_KEY: "signing-key",
  AUDIT_CHECKPOINT_KEY: "k".repeat(32),
};

type Source = Record<string, string | undefined>;

function problems(source: Source, parse: (source: Source) => unknown = parseEnv): string[] {
  try {
    parse(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("accepts a complete environment and fills defaults", () => {
    const env = parseEnv(VALID);
    expect(env.MARKID_SIGNATURE_HEADER).toBe("Idenfy-Signature");
    expect(env.MEDIA_DIR).toBe(".data/media");
    expect(env.MARKID_TIMEOUT_MS).toBe(15_000);
    expect(env.JOB_WORKERS).toBe("on");
    expect(parseEnv({ ...VALID, JOB_WORKERS: "off" }).JOB_WORKERS).toBe("off");
  });

  it("names every missing variable", () => {
    const found = problems({});
    for (const name of Object.keys(VALID)) {
      expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${name} is required`)));
    }
  });

  it("names a bad value and says what is wrong", () => {
    expect(problems({ ...VALID, DATABASE_URL: "mysql://x" })).toEqual([
      "DATABASE_URL must start with postgres:// or postgresql://",
    ]);
    expect(problems({ ...VALID, NEXTAUTH_SECRET: "short" })).toEqual([
      "NEXTAUTH_SECRET must be at least 32 characters",
    ]);
    expect(problems({ ...VALID, MARKID_TIMEOUT_MS: "soon" })[0]).toMatch(/^MARKID_TIMEOUT_MS /);
    expect(problems({ ...VALID, JOB_WORKERS: "maybe" })).toEqual(['JOB_WORKERS must be "on" or "off"']);
  });

  it("requires https for APP_URL in production, except on localhost", () => {
    expect(problems({ ...VALID, NODE_ENV: "production", APP_URL: "http://bo.example.com" })).toEqual([
      "APP_URL must use https:// in production",
    ]);
    expect(problems({ ...VALID, NODE_ENV: "production" })).toEqual([]);
  });

  it("requires S3 credentials with a bucket", () => {
    expect(problems({ ...VALID, S3_BUCKET: "media" })[0]).toMatch(/^S3_ACCESS_KEY_ID /);
  });

  it("migrates as MIGRATION_DATABASE_URL when set, else as DATABASE_URL; both must be PostgreSQL URLs", () => {
    const owner = "postgresql://owner:p@localhost:5432/db";
    expect(migrationDatabaseUrl(parseEnv({ ...VALID, MIGRATION_DATABASE_URL: owner }))).toBe(owner);
    expect(migrationDatabaseUrl(parseEnv(VALID))).toBe(VALID.DATABASE_URL);
    expect(migrationDatabaseUrl(parseEnv({ ...VALID, MIGRATION_DATABASE_URL: " " }))).toBe(
      VALID.DATABASE_URL,
    );
    expect(problems({ ...VALID, MIGRATION_DATABASE_URL: "mysql://x" })).toEqual([
      "MIGRATION_DATABASE_URL must start with postgres:// or postgresql://",
    ]);
  });

  it("wants an audit checkpoint key of at least 32 bytes in production", () => {
    const short = { ...VALID, AUDIT_CHECKPOINT_KEY: "k".repeat(31) };
    expect(problems({ ...short, NODE_ENV: "production" })).toEqual([
      "AUDIT_CHECKPOINT_KEY must be at least 32 bytes in production",
    ]);
    expect(problems(short)).toEqual([]);
    // Bytes, not characters: 16 two-byte characters are enough.
    expect(problems({ ...VALID, NODE_ENV: "production", AUDIT_CHECKPOINT_KEY: "é".repeat(16) })).toEqual([]);
  });

  it("checks for the checkpoint tools only what they use: storage and the key", () => {
    expect(problems({}, parseCheckpointToolEnv)).toEqual(["AUDIT_CHECKPOINT_KEY is required"]);
    const tool = parseCheckpointToolEnv({ AUDIT_CHECKPOINT_KEY: "key" });
    expect(tool.MEDIA_DIR).toBe(".data/media");
    expect(problems({ AUDIT_CHECKPOINT_KEY: "key", S3_BUCKET: "b" }, parseCheckpointToolEnv)[0]).toMatch(
      /^S3_ACCESS_KEY_ID /,
    );
    expect(
      problems({ NODE_ENV: "production", AUDIT_CHECKPOINT_KEY: "short" }, parseCheckpointToolEnv),
    ).toEqual(["AUDIT_CHECKPOINT_KEY must be at least 32 bytes in production"]);
  });

  it("never echoes a secret value in its message", () => {
    const secret = "leaky-secret-value";
    const found = problems({ ...VALID, NEXTAUTH_SECRET: secret });
    expect(found.join("\n")).not.toContain(secret);
  });
});
