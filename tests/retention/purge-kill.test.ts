// The purge killed (SIGKILL, no clean-up) after the files went and while MarkID's delete is in flight: the next
// run finishes it from where it stopped, writes one receipt, and deletes no file twice.
import { spawn, type ChildProcess } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { seen, startFaultSandbox } from "../faults/support";
import { archivedCase, purgeDepsForTest } from "./support";

let sandbox: Sandbox;
let child: ChildProcess | undefined;
beforeAll(async () => {
  sandbox = await startFaultSandbox();
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await sandbox.close();
});

const NOW = "2032-01-01T03:00:00.000Z";

function startHangingPurge(verificationId: string): ChildProcess {
  sandbox.controls.hangNext(1, "/api/v2/delete");
  const root = path.resolve(import.meta.dirname, "../..");
  // Node itself with tsx's loader, not the tsx wrapper: killing a wrapper would leave the worker running.
  child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      path.join(import.meta.dirname, "purge-child.ts"),
      verificationId,
      NOW,
    ],
    {
      cwd: root,
      env: { ...process.env, MARKID_TIMEOUT_MS: "60000" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  return child;
}

function kill(worker: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    if (worker.exitCode !== null) return resolve(null);
    worker.once("exit", (_code, signal) => resolve(signal));
    worker.kill("SIGKILL");
  });
}

describe("a purge killed midway", () => {
  it("resumes on the next run and completes exactly once", async () => {
    const { getDb } = await import("@/lib/db");
    const db = getDb();
    const v = await archivedCase(sandbox, "RET-KILL", "DENIED", new Date("2026-06-01T00:00:00Z"));
    const worker = startHangingPurge(v.id);
    await vi.waitFor(
      async () => {
        expect(worker.exitCode).toBeNull();
        const purge = await db.verificationPurge.findUnique({ where: { verificationId: v.id } });
        expect(purge?.filesDeletedAt).toBeTruthy();
        expect(seen(sandbox, "/api/v2/delete")).toBe(1);
      },
      { timeout: 60_000, interval: 100 },
    );
    expect(await kill(worker)).toBe("SIGKILL");

    // Killed between the steps: files gone, MarkID not yet answered, no tombstone, no receipt.
    const afterKill = await db.verificationPurge.findUniqueOrThrow({ where: { verificationId: v.id } });
    expect(afterKill).toMatchObject({ markidDeletedAt: null, completedAt: null });
    expect(await readdir(path.join(process.env.MEDIA_DIR!, v.id)).catch(() => null)).toBeNull();
    expect((await db.verification.findUniqueOrThrow({ where: { id: v.id } })).firstName).toBe("Zelda");

    const { runRetentionPurge } = await import("@/lib/retention/purge-job");
    expect(await runRetentionPurge(await purgeDepsForTest(), new Date(NOW))).toMatchObject({ purged: 1 });
    expect(await runRetentionPurge(await purgeDepsForTest(), new Date(NOW))).toMatchObject({ purged: 0 });

    const done = await db.verificationPurge.findUniqueOrThrow({ where: { verificationId: v.id } });
    // The files step was recorded before the kill, so the resumed run did not repeat it.
    expect(done.filesDeletedAt).toEqual(afterKill.filesDeletedAt);
    expect(done.completedAt).not.toBeNull();
    expect(seen(sandbox, "/api/v2/delete")).toBe(2);
    for (const action of ["retention.purge_started", "retention.purged"]) {
      expect(await db.auditEvent.count({ where: { targetId: v.id, action } })).toBe(1);
    }
    expect((await db.verification.findUniqueOrThrow({ where: { id: v.id } })).firstName).toBeNull();
  });
});
