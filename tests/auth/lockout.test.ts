import { beforeEach, describe, expect, it, vi } from "vitest";
import { authenticatePassword } from "@/lib/auth/login";
import { getDummyHash, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { auditActions, createStaff, ctx, PASSWORD } from "./support";

// Counts every argon2 verification, real or dummy: "checked before hashing" means this does not move.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const hashes = () => vi.mocked(verifyPassword).mock.calls.length;

let n = 0;
// A fresh address per test, so that the per-address limit never interferes here.
const ip = () => `192.0.2.${++n}`;

beforeEach(() => vi.mocked(verifyPassword).mockClear());

describe("account lockout", () => {
  it("locks after 5 failures in 15 minutes and refuses even the right password without hashing", async () => {
    const user = await createStaff();
    const from = ip();
    for (let i = 0; i < 5; i++) {
      expect(
        await authenticatePassword({ email: user.email, password: "wrong-password" }, ctx(from)),
      ).toEqual({
        status: "failed",
      });
    }
    expect(hashes()).toBe(5);
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

    expect(await authenticatePassword({ email: user.email, password: PASSWORD }, ctx(from))).toEqual({
      status: "failed",
    });
    expect(hashes()).toBe(5);
    const actions = await auditActions({ actorId: user.id });
    expect(actions.filter((a) => a === "auth.login_failed")).toHaveLength(6);
    expect(actions.filter((a) => a === "auth.lockout")).toHaveLength(1);
  });

  it("lets the right password in again once the lock has run out", async () => {
    const user = await createStaff();
    for (let i = 0; i < 5; i++)
      await authenticatePassword({ email: user.email, password: "nope-nope" }, ctx(ip()));
    const past = new Date(Date.now() - 16 * 60_000);
    await getDb().staffUser.update({
      where: { id: user.id },
      data: { lockedUntil: past, failedLoginWindow: past },
    });
    const result = await authenticatePassword({ email: user.email, password: PASSWORD }, ctx(ip()));
    expect(result.status).toBe("ok");
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    expect(row.lastLoginAt).not.toBeNull();
  });

  it("does not lock for failures spread over more than 15 minutes", async () => {
    const user = await createStaff();
    for (let i = 0; i < 4; i++)
      await authenticatePassword({ email: user.email, password: "nope-nope" }, ctx(ip()));
    const old = new Date(Date.now() - 16 * 60_000);
    await getDb().staffUser.update({ where: { id: user.id }, data: { failedLoginWindow: old } });
    await authenticatePassword({ email: user.email, password: "nope-nope" }, ctx(ip()));
    const row = await getDb().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ failedLoginCount: 1, lockedUntil: null });
    expect((await authenticatePassword({ email: user.email, password: PASSWORD }, ctx(ip()))).status).toBe(
      "ok",
    );
  });

  it("hashes at most 5 times for a burst of parallel guesses", async () => {
    const user = await createStaff();
    const from = ip();
    const guesses = Array.from({ length: 20 }, (_, i) =>
      authenticatePassword({ email: user.email, password: `guess-${i}` }, ctx(from)),
    );
    const results = await Promise.all(guesses);
    expect(results.every((r) => r.status === "failed")).toBe(true);
    expect(hashes()).toBeLessThanOrEqual(5);
    expect((await authenticatePassword({ email: user.email, password: PASSWORD }, ctx(from))).status).toBe(
      "failed",
    );
  });

  it("resets the count after a successful sign-in", async () => {
    const user = await createStaff();
    for (let i = 0; i < 4; i++)
      await authenticatePassword({ email: user.email, password: "nope-nope" }, ctx(ip()));
    expect((await authenticatePassword({ email: user.email, password: PASSWORD }, ctx(ip()))).status).toBe(
      "ok",
    );
    await authenticatePassword({ email: user.email, password: "nope-nope" }, ctx(ip()));
    expect((await authenticatePassword({ email: user.email, password: PASSWORD }, ctx(ip()))).status).toBe(
      "ok",
    );
  });
});

describe("unknown emails", () => {
  it("get the same answer as a wrong password, after the same one argon2 verification", async () => {
    const user = await createStaff();
    const wrong = await authenticatePassword({ email: user.email, password: "wrong-password" }, ctx(ip()));
    expect(hashes()).toBe(1);
    const unknown = await authenticatePassword(
      { email: "nobody@example.test", password: "wrong-password" },
      ctx(ip()),
    );
    expect(hashes()).toBe(2);
    expect(unknown).toEqual(wrong);
    // The dummy hash costs what a real one does: same algorithm and parameters.
    const real = (await getDb().staffUser.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    const params = (hash: string) => hash.split("$").slice(0, 4).join("$");
    expect(params(await getDummyHash())).toBe(params(real));
    expect(params(real)).toBe("$argon2id$v=19$m=19456,t=2,p=1");
  });

  it("lock like real accounts, so a lock reveals nothing either", async () => {
    const email = "ghost@example.test";
    for (let i = 0; i < 5; i++) await authenticatePassword({ email, password: "whatever-1" }, ctx(ip()));
    expect(hashes()).toBe(5);
    expect(await authenticatePassword({ email, password: "whatever-1" }, ctx(ip()))).toEqual({
      status: "failed",
    });
    expect(hashes()).toBe(5);
  });

  it("deactivated and invited-only accounts answer the same as a wrong password", async () => {
    const inactive = await createStaff("LEAD", { active: false });
    const invited = await createStaff("OPS", { password: false });
    expect(await authenticatePassword({ email: inactive.email, password: PASSWORD }, ctx(ip()))).toEqual({
      status: "failed",
    });
    expect(await authenticatePassword({ email: invited.email, password: PASSWORD }, ctx(ip()))).toEqual({
      status: "failed",
    });
    expect(hashes()).toBe(2);
  });
});
