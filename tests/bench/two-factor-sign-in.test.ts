// The bench signs in as production requires, with a second factor: every account it uses is enrolled with
// its known key, its codes sign in once each, and the login baseline does the same two steps.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateCode, authenticatePassword } from "@/lib/auth/login";
import { getEnv } from "@/lib/env";
import { startBaseline, type Baseline } from "../../bench/baselines/launch";
import { DATASET_STAFF_PASSWORD, loginAccountEmail } from "../../bench/support/config";
import { prepareStaff } from "../../bench/support/database";
import {
  challengeFrom,
  claimStep,
  codeAt,
  credentialsRequest,
  loginError,
} from "../../bench/support/session";
import { insertVerifications } from "../support/large-dataset";
import { ctx } from "../auth/support";

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(async () => {
  await client.connect();
  // The generator's 20 staff, as the bench dataset has them, then the bench's own preparation.
  await insertVerifications(client, 50);
  await prepareStaff(client, 3, getEnv().NEXTAUTH_SECRET);
});
afterAll(() => client.end());

async function challengeFor(email: string): Promise<string> {
  const step = await authenticatePassword({ email, password: DATASET_STAFF_PASSWORD }, ctx("198.51.100.90"));
  expect(step.status, email).toBe("code-required");
  return step.status === "code-required" ? step.challenge : "";
}

const signInWith = async (email: string, code: string) =>
  (await authenticateCode({ challenge: await challengeFor(email), code }, ctx("198.51.100.90"))).status;

describe("the bench's accounts", () => {
  it("are all enrolled: a password alone asks for a code, and the bench's codes sign in once each", async () => {
    const { rows } = await client.query<{ email: string; enrolled: boolean }>(
      `SELECT email, "totpEnabledAt" IS NOT NULL AS enrolled FROM staff_users ORDER BY email`,
    );
    expect(rows).toHaveLength(23);
    expect(rows.every((r) => r.enrolled && r.email.endsWith("@bench.example"))).toBe(true);
    for (const email of ["bench-1@bench.example", "bench-20@bench.example", loginAccountEmail(3)]) {
      const code = codeAt(email, claimStep(email)!);
      expect(await signInWith(email, code), email).toBe("ok");
      // Replay protection is real: the same code never signs in twice, so the bench must take a new step.
      expect(await signInWith(email, code), email).toBe("code-rejected");
      expect(await signInWith(email, codeAt(email, claimStep(email)!)), email).toBe("ok");
    }
  });

  it("stay enrolled, and start with no step used, when a reused dataset is prepared again", async () => {
    await prepareStaff(client, 3, getEnv().NEXTAUTH_SECRET);
    const { rows } = await client.query<{ n: string; used: string }>(
      `SELECT count(*) AS n, count("lastTotpStep") AS used FROM staff_users WHERE "totpEnabledAt" IS NOT NULL`,
    );
    expect(rows[0]).toEqual({ n: "23", used: "0" });
    const email = loginAccountEmail(1);
    expect(await signInWith(email, codeAt(email, claimStep(email)!))).toBe("ok");
  });
});

describe("claimStep", () => {
  it("hands out this step and the next once per account, then none until the clock moves", () => {
    const now = 1_000 * 30_000 + 12_000;
    expect(claimStep("a@steps.example", now)).toBe(1_000);
    expect(claimStep("a@steps.example", now)).toBe(1_001);
    expect(claimStep("a@steps.example", now)).toBeNull();
    expect(claimStep("b@steps.example", now)).toBe(1_000);
    expect(claimStep("a@steps.example", now + 30_000)).toBe(1_002);
  });
});

describe("challengeFrom", () => {
  it("reads the challenge from next-auth's answer to the password step, and nothing else", () => {
    const answer = (error: string) =>
      JSON.stringify({ url: `http://localhost:3760/api/auth/error?error=${encodeURIComponent(error)}` });
    expect(challengeFrom(answer("TwoFactorRequired:v1.abc_-"))).toBe("v1.abc_-");
    expect(challengeFrom(answer("CredentialsSignin"))).toBeNull();
    expect(challengeFrom(JSON.stringify({ url: "http://localhost:3760/" }))).toBeNull();
    expect(challengeFrom("<html>")).toBeNull();
  });
});

describe("the login baseline", () => {
  let baseline: Baseline;
  beforeAll(async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    baseline = await startBaseline({ kind: "login", databaseUrl, sessionSecret: getEnv().NEXTAUTH_SECRET });
  });
  afterAll(() => baseline.stop());

  const post = async (fields: Record<string, string>) => {
    const response = await fetch(baseline.url, { method: "POST", ...credentialsRequest("t", "c=1", fields) });
    return { status: response.status, body: await response.text() };
  };

  it("does both steps: a challenge for the right password, then one sign-in per code", async () => {
    const email = loginAccountEmail(2);
    const wrong = await post({ email, password: "not-the-password-1" });
    expect([wrong.status, loginError(wrong.body)]).toEqual([401, "CredentialsSignin"]);
    // Like next-auth: a 401 whose error carries the challenge.
    const first = await post({ email, password: DATASET_STAFF_PASSWORD });
    const challenge = challengeFrom(first.body);
    expect([first.status, Boolean(challenge)]).toEqual([401, true]);
    const code = codeAt(email, claimStep(email)!);
    expect((await post({ challenge: challenge!, code })).status).toBe(200);
    const replayed = await post({ challenge: challenge!, code });
    expect([replayed.status, loginError(replayed.body)]).toEqual([401, "CodeRejected"]);
    expect((await post({ challenge: `${challenge!.slice(0, -2)}AA`, code })).status).toBe(401);
  });
});
