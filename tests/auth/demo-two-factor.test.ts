// The development stack's demo accounts come enrolled, and `npm run dev:totp` prints codes that sign them
// in; neither exists outside the embedded development database.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { Secret } from "otpauth";
import { describe, expect, it } from "vitest";
import { authenticateCode, authenticatePassword } from "@/lib/auth/login";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/totp";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { DEMO_STAFF, seedStaff } from "../../scripts/db/seed";
import { demoTotpCodes } from "../../scripts/dev/totp-codes";
import { ctx, enrol } from "./support";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const db = getDb();
const keys = Object.fromEntries(DEMO_STAFF.map((s) => [s.key, new Secret({ size: 20 }).base32]));
const passwords = Object.fromEntries(DEMO_STAFF.map((s) => [s.key, `${s.key}-demo-password-1`]));
const accounts = DEMO_STAFF.map((s) => ({ ...s, password: passwords[s.key]!, totpSecret: keys[s.key] }));
const DEV_ENV = { NODE_ENV: "development" };

describe("the demo accounts", () => {
  it("are seeded with two-factor sign-in on, and dev:totp's codes sign each one in", async () => {
    await seedStaff(db, accounts, getEnv().NEXTAUTH_SECRET);
    const result = demoTotpCodes(DEV_ENV, { totp: keys });
    if (!result.ok) throw new Error(result.message);
    expect(result.codes.map((c) => c.email)).toEqual(DEMO_STAFF.map((s) => s.email));
    for (const staff of DEMO_STAFF) {
      const step = await authenticatePassword(
        { email: staff.email, password: passwords[staff.key]! },
        ctx("198.51.100.77"),
      );
      expect(step.status, staff.email).toBe("code-required");
      if (step.status !== "code-required") continue;
      const code = result.codes.find((c) => c.email === staff.email)!.code;
      const signedIn = await authenticateCode({ challenge: step.challenge, code }, ctx("198.51.100.77"));
      expect(signedIn.status, staff.email).toBe("ok");
    }
  });

  it("keeps an account's own enrolment, and enrols an existing one that has none", async () => {
    const officer = DEMO_STAFF.find((s) => s.key === "OFFICER")!;
    const lead = DEMO_STAFF.find((s) => s.key === "LEAD")!;
    // The officer set up their own authenticator; the lead's enrolment was reset.
    const own = (await db.staffUser.findUniqueOrThrow({ where: { email: officer.email } })).id;
    await db.staffUser.update({ where: { id: own }, data: { totpEnabledAt: null, totpSecret: null } });
    const { secret } = await enrol(own);
    const leadRow = await db.staffUser.findUniqueOrThrow({ where: { email: lead.email } });
    await db.staffUser.update({ where: { id: leadRow.id }, data: { totpEnabledAt: null, totpSecret: null } });
    await seedStaff(db, accounts, getEnv().NEXTAUTH_SECRET);
    const after = await db.staffUser.findUniqueOrThrow({ where: { id: own } });
    expect(openTotpSecret(own, after.totpSecret!)).toBe(secret);
    const leadAfter = await db.staffUser.findUniqueOrThrow({ where: { id: leadRow.id } });
    expect(openTotpSecret(leadRow.id, leadAfter.totpSecret!)).toBe(keys.LEAD);
    expect(leadAfter.totpEnabledAt).not.toBeNull();

    // A key sealed under an earlier NEXTAUTH_SECRET can never open again: the demo key replaces it.
    const ops = await db.staffUser.findUniqueOrThrow({ where: { email: "ops@demo.markid.local" } });
    const stale = sealTotpSecret(
      ops.id,
      new Secret({ size: 20 }).base32,
      "an-earlier-secret-0123456789abcdef0123",
    );
    await db.staffUser.update({ where: { id: ops.id }, data: { totpSecret: stale } });
    await seedStaff(db, accounts, getEnv().NEXTAUTH_SECRET);
    const opsAfter = await db.staffUser.findUniqueOrThrow({ where: { id: ops.id } });
    expect(openTotpSecret(ops.id, opsAfter.totpSecret!)).toBe(keys.OPS);
  });
});

describe("npm run dev:totp", () => {
  it("refuses in production and against any DATABASE_URL", () => {
    expect(demoTotpCodes({ NODE_ENV: "production" }, { totp: keys })).toMatchObject({ ok: false });
    expect(
      demoTotpCodes({ NODE_ENV: "development", DATABASE_URL: "postgresql://db/x" }, { totp: keys }),
    ).toMatchObject({ ok: false, message: expect.stringContaining("not the embedded development database") });
    expect(demoTotpCodes(DEV_ENV, null)).toMatchObject({
      ok: false,
      message: expect.stringContaining("npm run dev"),
    });
  });

  it.each<[Record<string, string>, string]>([
    [{ NODE_ENV: "production" }, "NODE_ENV=production"],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres" }, "DATABASE_URL is set"],
  ])("the command itself refuses with %o", async (env, message) => {
    const child = run(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/dev-totp.ts"],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, ...env } as unknown as NodeJS.ProcessEnv,
      },
    );
    await expect(child).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(message) });
  });
});
