import { describe, expect, it } from "vitest";
import { authenticateCode, authenticatePassword } from "@/lib/auth/login";
import { getDb } from "@/lib/db";
import { createStaff, ctx, enrol, PASSWORD, totpCode } from "./support";

// LOCAL_LOGIN=off, as lib/env.ts reads it into SIGN_IN, on the real credentials path (next-auth's authorize()).
const off = (breakGlass: string[]) => ({ localLogin: false, breakGlass });

async function lastFailure(actorEmail: string | null) {
  const row = await getDb().auditEvent.findFirstOrThrow({
    where: { action: "auth.login_failed" },
    orderBy: { id: "desc" },
  });
  return [row.actorEmail === actorEmail, row.details];
}

let n = 0;
const ip = () => `203.0.113.${++n}`;

describe("password sign-in with LOCAL_LOGIN=off", () => {
  it("refuses everyone not in BREAK_GLASS_EMAILS, even with the right password, audited", async () => {
    const officer = await createStaff("OFFICER");
    const admin = await createStaff("ADMIN");
    const input = { email: officer.email, password: PASSWORD };
    expect(await authenticatePassword(input, ctx(ip()), off([admin.email]))).toEqual({ status: "failed" });
    expect(await lastFailure(officer.email)).toEqual([true, { reason: "local_login_off" }]);
    // With password login on, the same person gets in.
    expect(await authenticatePassword(input, ctx(ip()), { localLogin: true, breakGlass: [] })).toMatchObject({
      status: "ok",
    });
  });

  it("lets a break-glass administrator in (any case), through the code step as usual", async () => {
    const admin = await createStaff("ADMIN");
    const { secret } = await enrol(admin.id);
    const policy = off([admin.email.toUpperCase().toLowerCase(), "someone@else.test"]);
    const step = await authenticatePassword(
      { email: admin.email.toUpperCase(), password: PASSWORD },
      ctx(ip()),
      policy,
    );
    expect(step).toMatchObject({ status: "code-required" });
    const challenge = (step as { challenge: string }).challenge;
    // The next step's code: the current one was used to confirm enrolment.
    const done = await authenticateCode({ challenge, code: totpCode(secret, 1) }, ctx(ip()), policy);
    expect(done).toMatchObject({ status: "ok", user: { id: admin.id } });
  });

  it("refuses a break-glass address that is not an administrator's", async () => {
    const lead = await createStaff("LEAD");
    const input = { email: lead.email, password: PASSWORD };
    expect(await authenticatePassword(input, ctx(ip()), off([lead.email]))).toEqual({ status: "failed" });
    expect(await lastFailure(lead.email)).toEqual([true, { reason: "local_login_off" }]);
  });

  it("ends a code step begun before password login was switched off", async () => {
    const officer = await createStaff("OFFICER");
    const { secret } = await enrol(officer.id);
    const on = { localLogin: true, breakGlass: [] };
    const step = await authenticatePassword({ email: officer.email, password: PASSWORD }, ctx(ip()), on);
    const challenge = (step as { challenge: string }).challenge;
    const code = { challenge, code: totpCode(secret) };
    expect(await authenticateCode(code, ctx(ip()), off([]))).toEqual({ status: "challenge-expired" });
  });
});
