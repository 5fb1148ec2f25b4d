// MarkID's answers to /delete: "Token has not expired yet" waits a day and is not an exception; a failure is
// retried with backoff and listed as an exception until MarkID's copy is gone. Neither completes the purge
// early, and neither deletes a file twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { seen, startFaultSandbox } from "../faults/support";
import { archivedCase, purgeDepsForTest } from "./support";

let sandbox: Sandbox;
let db: ReturnType<typeof import("@/lib/db").getDb>;
beforeAll(async () => {
  sandbox = await startFaultSandbox();
  db = (await import("@/lib/db")).getDb();
});
afterAll(() => sandbox.close());

const HOUR = 3_600_000;
const NOW = new Date("2032-01-01T03:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);
const purgeOf = (id: string) => db.verificationPurge.findUniqueOrThrow({ where: { verificationId: id } });

async function purge(id: string, now: Date) {
  const [{ purgeVerification }, { policyInForce }] = await Promise.all([
    import("@/lib/retention/purge"),
    import("@/lib/retention/policy"),
  ]);
  return purgeVerification(await purgeDepsForTest(), id, await policyInForce(db), now);
}

describe("MarkID refusing or failing the delete", () => {
  it("waits while MarkID says the link has not expired, then purges", async () => {
    const { markIdClient } = await import("@/lib/markid");
    // A verification whose link MarkID still honours: no call was ever made on it.
    const token = await markIdClient().createToken({ clientId: "RET-ACTIVE", tokenType: "VIDEO_CALL" });
    if (!token.ok) throw new Error(token.error.message);
    const v = await db.verification.create({
      data: {
        scanRef: token.value.scanRef,
        clientId: "RET-ACTIVE",
        tokenType: "VIDEO_CALL",
        status: "ACTIVE",
        email: "active@example.test",
        updatedAt: new Date("2026-01-01T00:00:00Z"),
      },
    });
    expect(await purge(v.id, NOW)).toBe("waiting");
    const waiting = await purgeOf(v.id);
    expect(waiting).toMatchObject({ markidWaiting: true, markidAttempts: 1, completedAt: null });
    expect(waiting.markidRetryAt).toEqual(later(24 * HOUR));
    expect(waiting.filesDeletedAt).not.toBeNull();
    const { unfinishedPurges } = await import("@/lib/retention/queries");
    expect((await unfinishedPurges()).exceptions.map((p) => p.verificationId)).not.toContain(v.id);

    const calls = seen(sandbox, "/api/v2/delete");
    expect(await purge(v.id, later(HOUR))).toBe("waiting");
    expect(seen(sandbox, "/api/v2/delete")).toBe(calls);

    sandbox.controls.expireToken(v.scanRef);
    expect(await purge(v.id, later(25 * HOUR))).toBe("purged");
    expect((await db.verification.findUniqueOrThrow({ where: { id: v.id } })).email).toBeNull();
  });

  it("lists a failing delete as an exception, backs off, and purges once MarkID answers", async () => {
    const v = await archivedCase(sandbox, "RET-FAILING", "DENIED", new Date("2026-06-01T00:00:00Z"));
    sandbox.controls.failNext("5xx", { path: "/api/v2/delete", count: 20 });
    expect(await purge(v.id, NOW)).toBe("failed");
    const failed = await purgeOf(v.id);
    expect(failed).toMatchObject({ markidWaiting: false, markidAttempts: 1, completedAt: null });
    expect(failed.markidError).toMatch(/MarkID/);
    expect(failed.markidRetryAt).toEqual(later(HOUR));
    const { unfinishedPurges } = await import("@/lib/retention/queries");
    expect((await unfinishedPurges()).exceptions.map((p) => p.verificationId)).toContain(v.id);
    expect(await db.auditEvent.count({ where: { targetId: v.id, action: "retention.purged" } })).toBe(0);

    // The second failure waits twice as long.
    expect(await purge(v.id, later(HOUR))).toBe("failed");
    expect((await purgeOf(v.id)).markidRetryAt).toEqual(later(3 * HOUR));

    sandbox.controls.reset({ verifications: false });
    expect(await purge(v.id, later(2 * HOUR))).toBe("waiting");
    expect(await purge(v.id, later(3 * HOUR))).toBe("purged");
    expect((await purgeOf(v.id)).markidAttempts).toBe(3);
    expect((await unfinishedPurges()).exceptions.map((p) => p.verificationId)).not.toContain(v.id);
    expect(await db.auditEvent.count({ where: { targetId: v.id, action: "retention.purged" } })).toBe(1);
  });
});
