// The worker is killed (SIGKILL: no clean-up of any kind) while it writes a recording; the next run finishes
// the job. Afterwards each file exists once as a final object matching its row, with one audit event each.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { archiveState, finishedCall, startFaultSandbox } from "./support";

let sandbox: Sandbox;
let child: ChildProcess | undefined;

beforeAll(async () => {
  sandbox = await startFaultSandbox();
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await sandbox.close();
});

/** Starts the archiving worker; the sandbox stalls the video after its first 16 KiB. */
function startStalledWorker(verificationId: string): ChildProcess {
  sandbox.controls.failNextMedia("stall", { media: "video" });
  const root = path.resolve(import.meta.dirname, "../..");
  // Node itself with tsx's loader, not the tsx wrapper: killing a wrapper would leave the worker running.
  const worker = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      path.join(import.meta.dirname, "archive-child.ts"),
      verificationId,
    ],
    // A long timeout: the stalled download must still be in progress when the test kills the worker.
    {
      cwd: root,
      env: { ...process.env, MARKID_TIMEOUT_MS: "15000" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  child = worker;
  return worker;
}

/** The video's partial file, once the worker has written some of it. */
async function partialVideo(verificationId: string): Promise<string | undefined> {
  const dir = path.join(process.env.MEDIA_DIR!, verificationId);
  const files = await readdir(dir).catch(() => [] as string[]);
  const partial = files.find((f) => f.startsWith("VIDEO_0.") && f.endsWith(".partial"));
  if (!partial) return undefined;
  return (await stat(path.join(dir, partial))).size > 0 ? partial : undefined;
}

function kill(worker: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    worker.removeAllListeners("exit");
    if (worker.exitCode !== null) return resolve(null);
    worker.once("exit", (_code, signal) => resolve(signal));
    worker.kill("SIGKILL");
  });
}

async function filesOf(verificationId: string): Promise<string[]> {
  return (await readdir(path.join(process.env.MEDIA_DIR!, verificationId))).sort();
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("a worker killed while archiving", () => {
  it("leaves no partial file as a final object, and the next run completes each file exactly once", async () => {
    const v = await finishedCall(sandbox, "kill-1");
    const worker = startStalledWorker(v.id);
    // The photos are small and finish first; wait until their rows are committed and the video is half
    // written, then kill.
    await vi.waitFor(
      async () => {
        expect(worker.exitCode).toBeNull();
        expect((await archiveState(v.id)).assets).toHaveLength(3);
        expect(await partialVideo(v.id)).toBeDefined();
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(await kill(worker)).toBe("SIGKILL");

    const afterKill = await archiveState(v.id);
    expect(afterKill.sourceKeys).toEqual(["VIDEO_CALL_BACK", "VIDEO_CALL_FACE", "VIDEO_CALL_FRONT"]);
    expect(afterKill.audits).toHaveLength(3);
    const leftovers = await filesOf(v.id);
    expect(leftovers).not.toContain("VIDEO_0");
    expect(leftovers.some((f) => f.startsWith("VIDEO_0.") && f.endsWith(".partial"))).toBe(true);

    const { archiveRecordings } = await import("@/lib/recordings/archive");
    expect(await archiveRecordings(v.id)).toMatchObject({ complete: true, archived: 1 });
    expect(await archiveRecordings(v.id)).toMatchObject({ complete: true, archived: 0 });

    const done = await archiveState(v.id);
    expect(done.sourceKeys).toEqual(["VIDEO_0", "VIDEO_CALL_BACK", "VIDEO_CALL_FACE", "VIDEO_CALL_FRONT"]);
    expect(done.audits.map((a) => (a.details as { sourceKey: string }).sourceKey).sort()).toEqual(
      done.sourceKeys,
    );
    const finals = (await filesOf(v.id)).filter((f) => !f.endsWith(".partial"));
    expect(finals).toEqual(done.sourceKeys);
    for (const asset of done.assets) {
      const bytes = await readFile(path.join(process.env.MEDIA_DIR!, asset.storageKey));
      expect(sha256(bytes)).toBe(asset.sha256);
      expect(bytes.length).toBe(Number(asset.sizeBytes));
    }
    const fixture = await readFile(path.resolve(import.meta.dirname, "../../sandbox/fixtures/call.webm"));
    expect(done.assets.find((a) => a.sourceKey === "VIDEO_0")?.sha256).toBe(sha256(fixture));
  });
});
