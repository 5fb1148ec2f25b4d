import { describe, expect, it } from "vitest";
import { EnvError, migrationDatabaseUrl, parseCheckpointToolEnv, parseEnv } from "@/lib/env";
import { BENCH_SECRETS } from "../bench/support/config";
import { E2E_OIDC, E2E_SECRETS } from "../e2e/support/constants";

const VALID = {
  DATABASE_URL: "postgresql://u:p@localhost:5432/db",
  APP_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "x".repeat(32),
  MARKID_API_URL: "https://ivs.markid.eu",
  MARKID_API_KEY: "key",
  MARKID_API_SECRET: "secret",
  MARKID_WEBHOOK_SIGNING_KEY: "signing-key-of-at-least-32-bytes-0123",
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
    expect(env.WEB_CONCURRENCY).toBe(1);
    expect(parseEnv({ ...VALID, WEB_CONCURRENCY: "2" }).WEB_CONCURRENCY).toBe(2);
    expect(env.DATABASE_PREPARED_STATEMENTS).toBe("on");
    expect(parseEnv({ ...VALID, DATABASE_PREPARED_STATEMENTS: "off" }).DATABASE_PREPARED_STATEMENTS).toBe(
      "off",
    );
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
    expect(problems({ ...VALID, DATABASE_PREPARED_STATEMENTS: "yes" })).toEqual([
      'DATABASE_PREPARED_STATEMENTS must be "on" or "off"',
    ]);
    expect(problems({ ...VALID, WEB_CONCURRENCY: "0" })).toEqual(["WEB_CONCURRENCY must be at least 1"]);
    expect(problems({ ...VALID, WEB_CONCURRENCY: "two" })[0]).toMatch(/^WEB_CONCURRENCY /);
  });

  it("requires https for APP_URL in production, except on localhost", () => {
    const production = { ...VALID, NODE_ENV: "production", MARKID_WEBHOOK_SIGNING_KEY: "k".repeat(32) };
    expect(problems({ ...production, APP_URL: "http://bo.example.com" })).toEqual([
      "APP_URL must use https:// in production",
    ]);
    expect(problems(production)).toEqual([]);
  });

  it("requires a webhook signing key of at least 32 bytes in production, counted as UTF-8", () => {
    const production = { ...VALID, NODE_ENV: "production" };
    const tooShort = [
      "MARKID_WEBHOOK_SIGNING_KEY must be at least 32 bytes in production (openssl rand -base64 32)",
    ];
    expect(problems({ ...production, MARKID_WEBHOOK_SIGNING_KEY: "k".repeat(31) })).toEqual(tooShort);
    expect(problems({ ...production, MARKID_WEBHOOK_SIGNING_KEY: "k".repeat(32) })).toEqual([]);
    // Sixteen two-byte characters are 32 bytes.
    expect(problems({ ...production, MARKID_WEBHOOK_SIGNING_KEY: "é".repeat(16) })).toEqual([]);
    // Development and tests keep working with whatever key their sandbox uses.
    expect(problems({ ...VALID, NODE_ENV: "development" })).toEqual([]);
  });

  it("lets the e2e and bench stacks, which run as production, start with their own secrets", () => {
    for (const secrets of [{ ...E2E_OIDC, ...E2E_SECRETS }, BENCH_SECRETS]) {
      expect(problems({ ...VALID, ...secrets, NODE_ENV: "production" })).toEqual([]);
    }
  });

  it("reads TRUSTED_PROXIES as none, a hop count or a list of ranges, and names a bad one", () => {
    expect(parseEnv(VALID).TRUSTED_PROXIES).toEqual({ kind: "none" });
    expect(parseEnv({ ...VALID, TRUSTED_PROXIES: "none" }).TRUSTED_PROXIES).toEqual({ kind: "none" });
    expect(parseEnv({ ...VALID, TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toEqual({ kind: "hops", count: 2 });
    const ranges = parseEnv({ ...VALID, TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::/32, 192.0.2.7" });
    expect(ranges.TRUSTED_PROXIES.kind).toBe("ranges");
    for (const bad of ["10.0.0.0/33", "proxy.internal", "10.0.0.1/8/1", "21", "::1/129", "10.0.0.0/8,"]) {
      expect(problems({ ...VALID, TRUSTED_PROXIES: bad })).toEqual([
        expect.stringMatching(/^TRUSTED_PROXIES /),
      ]);
    }
  });

  it("lets recordings come from MarkID's API host over https unless MARKID_MEDIA_HOSTS says otherwise", () => {
    const env = parseEnv(VALID);
    expect(env.MARKID_MEDIA_HOSTS).toEqual(["https://ivs.markid.eu"]);
    expect(env.MEDIA_MAX_VIDEO_BYTES).toBe(2 * 1024 ** 3);
    expect(env.MEDIA_MAX_PHOTO_BYTES).toBe(25 * 1024 ** 2);
    const listed = parseEnv({
      ...VALID,
      NODE_ENV: "production",
      MARKID_MEDIA_HOSTS: "media.markid.eu http://127.0.0.1:4010",
      MEDIA_MAX_VIDEO_BYTES: "1048576",
    });
    expect(listed.MARKID_MEDIA_HOSTS).toEqual(["https://media.markid.eu", "http://127.0.0.1:4010"]);
    expect(listed.MEDIA_MAX_VIDEO_BYTES).toBe(1_048_576);
  });

  it("names a bad recording host or size limit", () => {
    expect(
      problems({ ...VALID, NODE_ENV: "production", MARKID_MEDIA_HOSTS: "http://media.example" }),
    ).toEqual([
      'MARKID_MEDIA_HOSTS "http://media.example" uses http://, allowed in production only for a loopback address',
    ]);
    expect(problems({ ...VALID, MEDIA_MAX_PHOTO_BYTES: "lots" })[0]).toMatch(/^MEDIA_MAX_PHOTO_BYTES /);
    expect(problems({ ...VALID, MEDIA_MAX_VIDEO_BYTES: "10" })).toEqual([
      "MEDIA_MAX_VIDEO_BYTES must be at least 1024",
    ]);
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

  describe("single sign-on", () => {
    const OIDC = {
      OIDC_ISSUER: "https://idp.example/realms/bank",
      OIDC_CLIENT_ID: "bo",
      OIDC_CLIENT_SECRET: "s",
    };
    const MAP = { OIDC_ROLE_MAP: "kyc-officers=OFFICER,kyc-admins=ADMIN" };

    it("is off by default, with password login on", () => {
      const { SIGN_IN } = parseEnv(VALID);
      expect(SIGN_IN).toEqual({ sso: null, localLogin: true, breakGlass: [] });
    });

    it("reads the IdP, its defaults, the role map and the break-glass list", () => {
      const env = parseEnv({
        ...VALID,
        ...OIDC,
        ...MAP,
        LOCAL_LOGIN: "off",
        BREAK_GLASS_EMAILS: " Root@Bank.test, ops-admin@bank.test ,",
      });
      expect(env.SIGN_IN.sso).toMatchObject({
        issuer: OIDC.OIDC_ISSUER,
        name: "single sign-on",
        groupsClaim: "groups",
        scopes: "openid email profile",
        autoCreate: false,
      });
      expect([...env.SIGN_IN.sso!.roles]).toEqual([
        ["kyc-officers", "OFFICER"],
        ["kyc-admins", "ADMIN"],
      ]);
      expect(env.SIGN_IN.localLogin).toBe(false);
      expect(env.SIGN_IN.breakGlass).toEqual(["root@bank.test", "ops-admin@bank.test"]);
    });

    it("needs all three of issuer, client id and secret, naming each one missing", () => {
      expect(problems({ ...VALID, ...MAP, OIDC_ISSUER: OIDC.OIDC_ISSUER })).toEqual([
        "OIDC_CLIENT_ID is required with OIDC_ISSUER",
        "OIDC_CLIENT_SECRET is required with OIDC_ISSUER",
      ]);
      expect(problems({ ...VALID, OIDC_CLIENT_SECRET: "s" })).toEqual([
        "OIDC_ISSUER is required with OIDC_CLIENT_SECRET",
        "OIDC_CLIENT_ID is required with OIDC_CLIENT_SECRET",
      ]);
    });

    it("refuses a missing or bad role map, password login off without SSO, and a bad switch", () => {
      expect(problems({ ...VALID, ...OIDC })).toEqual([expect.stringMatching(/^OIDC_ROLE_MAP is required/)]);
      expect(problems({ ...VALID, ...OIDC, OIDC_ROLE_MAP: "auditors=AUDITOR" })).toEqual([
        expect.stringMatching(/^OIDC_ROLE_MAP "auditors" cannot map to AUDITOR/),
      ]);
      expect(problems({ ...VALID, LOCAL_LOGIN: "off" })).toEqual([
        expect.stringMatching(/^LOCAL_LOGIN "off" needs/),
      ]);
      expect(problems({ ...VALID, ...OIDC, ...MAP, OIDC_AUTO_CREATE: "yes" })).toEqual([
        'OIDC_AUTO_CREATE must be "on" or "off"',
      ]);
      expect(problems({ ...VALID, ...OIDC, ...MAP, OIDC_ISSUER: "not a url" })).toEqual([
        expect.stringMatching(/^OIDC_ISSUER must be a URL/),
      ]);
    });

    it("wants the issuer over https in production, except on this machine", () => {
      const production = { ...VALID, ...OIDC, ...MAP, NODE_ENV: "production" };
      expect(problems({ ...production, OIDC_ISSUER: "http://idp.example" })).toEqual([
        "OIDC_ISSUER must use https:// in production",
      ]);
      expect(problems({ ...production, OIDC_ISSUER: "http://127.0.0.1:5000" })).toEqual([]);
    });
  });
});
