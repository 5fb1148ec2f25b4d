import { describe, expect, it } from "vitest";
import { pendingEnrolment } from "@/lib/auth/enrolment";
import { openChallenge } from "@/lib/auth/login-challenge";
import { authenticateCode, authenticatePassword } from "@/lib/auth/login";
import { hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { openTotpSecret } from "@/lib/auth/totp";
import { getDb } from "@/lib/db";
import { auditActions, createStaff, ctx, enrol, PASSWORD, totpCode } from "./support";

async function challengeFor(email: string): Promise<string> {
  const step = await authenticatePassword({ email, password: PASSWORD }, ctx());
  if (step.status !== "code-required") throw new Error(`expected the code step, got ${step.status}`);
  return step.challenge;
}

describe("enrolment", () => {
  it("keeps the secret encrypted at rest, bound to its user", async () => {
    const user = await createStaff("ADMIN");
    const pending = await pendingEnrolment(user.id);
    expect(pending!.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(pending!.uri).toContain(`secret=${pending!.secret}`);
    // A reload shows the same secret, not a new one.
    expect((await pendingEnrolment(user.id))!.secret).toBe(pending!.secret);
    const stored = (await getDb().staffUser.findUniqueOrThrow({ where: { id: user.id } })).totpSecret!;
    expect(stored).not.toContain(pending!.secret);
    expect(openTotpSecret(user.id, stored)).toBe(pending!.secret);
    const other = await createStaff();
    expect(openTotpSecret(other.id, stored)).toBeNull();
  });

  it("turns on only with a right code, issues 10 recovery codes stored hashed, and audits it", async () => {
    const user = await createStaff("ADMIN");
    const { codes } = await enrol(user.id);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const rows = await getDb().recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    for (const code of codes) {
      expect(rows.some((r) => r.codeHash.includes(code) || r.codeHash.includes(code.replace(/-/g, "")))).toBe(
        false,
      );
    }
    expect(await pendingEnrolment(user.id)).toBeNull();
  });
});

describe("signing in with two-factor", () => {
  it("asks for a code only after the right password, and the challenge is sealed", async () => {
    const user = await createStaff("OFFICER", { enrolled: true });
    expect(await authenticatePassword({ email: user.email, password: "wrong-one-1" }, ctx())).toEqual({
      status: "failed",
    });
    const challenge = await challengeFor(user.email);
    expect(challenge).not.toContain(user.id);
    expect(openChallenge(challenge)?.userId).toBe(user.id);
    expect(openChallenge(challenge, Date.now() + 6 * 60_000)).toBeNull();
    expect(openChallenge(`${challenge.slice(0, -2)}AA`)).toBeNull();
  });

  it("accepts a TOTP code once: the same code again is refused", async () => {
    const user = await createStaff();
    const { secret } = await enrol(user.id);
    // The enrolment used this step's code; the next step's is valid within the one-step drift window.
    const code = totpCode(secret, 1);
    const first = await authenticateCode({ challenge: await challengeFor(user.email), code }, ctx());
    expect(first.status).toBe("ok");
    const again = await authenticateCode({ challenge: await challengeFor(user.email), code }, ctx());
    expect(again).toEqual({ status: "code-rejected" });
    // The code used at enrolment cannot sign in either.
    const enrolCode = totpCode(secret, 0);
    const replay = await authenticateCode(
      { challenge: await challengeFor(user.email), code: enrolCode },
      ctx(),
    );
    expect(replay).toEqual({ status: "code-rejected" });
  });

  it("accepts each recovery code once, in any spelling, and audits its use", async () => {
    const user = await createStaff();
    const { codes } = await enrol(user.id);
    const spelled = codes[0]!.toLowerCase().replace(/-/g, " ");
    const first = await authenticateCode({ challenge: await challengeFor(user.email), code: spelled }, ctx());
    expect(first.status).toBe("ok");
    const again = await authenticateCode(
      { challenge: await challengeFor(user.email), code: codes[0]! },
      ctx(),
    );
    expect(again).toEqual({ status: "code-rejected" });
    const used = await getDb().recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } });
    expect(used).toBe(1);
    const actions = await auditActions({ actorId: user.id });
    expect(actions).toContain("auth.recovery_code_used");
    expect(actions.filter((a) => a === "auth.login")).toHaveLength(1);
  });

  it("counts wrong codes toward the lockout", async () => {
    const user = await createStaff();
    const { secret } = await enrol(user.id);
    const challenge = await challengeFor(user.email);
    for (let i = 0; i < 5; i++) {
      expect((await authenticateCode({ challenge, code: "000000" }, ctx())).status).not.toBe("ok");
    }
    const result = await authenticateCode({ challenge, code: totpCode(secret, 1) }, ctx());
    expect(result).toEqual({ status: "failed" });
    expect(await auditActions({ targetId: user.id })).toContain("auth.lockout");
  });

  it("refuses a challenge once the session version has moved (e.g. an admin reset)", async () => {
    const user = await createStaff();
    const { secret } = await enrol(user.id);
    const challenge = await challengeFor(user.email);
    await getDb().staffUser.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    const result = await authenticateCode({ challenge, code: totpCode(secret, 1) }, ctx());
    expect(result).toEqual({ status: "challenge-expired" });
  });
});
