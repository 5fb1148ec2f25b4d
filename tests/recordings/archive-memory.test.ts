// Archiving holds a recording in memory a chunk at a time, never whole: a video well over twice the
// bound goes through a separate process (bench/support/archive-worker.ts) whose peak RSS (the kernel's VmHWM,
// reset just before) stays within the bound. Buffering it anywhere (the download, the hash, the storage
// write) would put the whole file in memory at least once. The 1 GiB check is the bench's (bench/README.md).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { archiveState, finishedCall, startFaultSandbox } from "../faults/support";

const MiB = 1024 ** 2;
const VIDEO_BYTES = 384 * MiB;
// Streaming measures about 60 MB here: V8 frees the 64 KiB socket buffers only when their total has grown
// that much. The bench holds the 1 GiB video to the 100 MB; this bound leaves room for a busy machine
// and still fails anything that holds the file, or even half of it.
const BOUND_BYTES = 150_000_000;
const ROOT = path.resolve(import.meta.dirname, "../..");

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startFaultSandbox();
  // The whole download must finish within 8 × this (lib/recordings/archive.ts), even on a busy machine.
  process.env.MARKID_TIMEOUT_MS = "15000";
});
afterAll(() => sandbox.close());

type Report = { outcome: { archived: number }; startRssKb: number; peakRssKb: number };

/** Runs the worker: a warm-up archive of the fixture, then `measured` with a generated video. */
function archiveInWorker(warmId: string, measuredId: string): Promise<Report> {
  const worker = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "bench/support/archive-worker.ts", warmId, measuredId],
    { cwd: ROOT, env: process.env, stdio: ["pipe", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`archive worker exited ${code}`)));
    createInterface({ input: worker.stdout! }).on("line", (line) => {
      if (line === "warm") {
        sandbox.controls.setVideoSize(VIDEO_BYTES);
        worker.stdin!.end("go\n");
      } else if (line.startsWith("{")) resolve(JSON.parse(line) as Report);
    });
  });
}

describe("archiving a large video", () => {
  it("stores all of it while holding far less than the file in memory", { timeout: 120_000 }, async () => {
    const warm = await finishedCall(sandbox, "memory-warm");
    const measured = await finishedCall(sandbox, "memory-big");
    const report = await archiveInWorker(warm.id, measured.id);

    expect(report.outcome.archived).toBe(4);
    const video = (await archiveState(measured.id)).assets.find((a) => a.kind === "VIDEO");
    expect(Number(video?.sizeBytes)).toBe(VIDEO_BYTES);
    const extraBytes = (report.peakRssKb - report.startRssKb) * 1024;
    expect(extraBytes).toBeLessThan(BOUND_BYTES);
  });
});
