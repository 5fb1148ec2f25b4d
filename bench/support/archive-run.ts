// Runs bench/support/archive-worker.ts as a process of its own, with the app's environment, and measures
// its memory from outside while it archives: RSS sampled every 50 ms, and the kernel's own peak (VmHWM).
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { ROOT } from "./config";
import { sampleRss } from "./rss";

export type ArchiveRun = {
  archived: number;
  error?: string;
  seconds: number;
  startRssKb: number;
  peakRssKb: number;
  samples: number;
};

type WorkerReport = {
  outcome: { archived: number; error?: string };
  seconds: number;
  startRssKb: number;
  peakRssKb: number;
};

/**
 * Archives `warmId` (warm-up), then calls `beforeMeasured` (the worker waits meanwhile), then archives
 * `measuredId` and reports the peak of both measures.
 */
export async function archiveInWorker(
  envFile: string,
  warmId: string,
  measuredId: string,
  beforeMeasured: () => Promise<void>,
): Promise<ArchiveRun> {
  const appEnv = JSON.parse(await readFile(envFile, "utf8")) as Record<string, string>;
  const worker = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "bench/support/archive-worker.ts", warmId, measuredId],
    {
      cwd: ROOT,
      env: { ...process.env, ...appEnv, NODE_ENV: "production", LOG_LEVEL: "warn" },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const exited = new Promise<never>((_, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`archive worker exited ${code} before reporting`)));
  });
  const lines = createInterface({ input: worker.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const line = await Promise.race([lines.next(), exited]);
    if (line.done) throw new Error("archive worker closed its output");
    return line.value;
  };
  while ((await nextLine()) !== "warm");
  await beforeMeasured();
  const sampler = sampleRss(worker.pid!);
  worker.stdin!.end("go\n");
  let line = await nextLine();
  while (!line.startsWith("{")) line = await nextLine();
  const sampled = await sampler.stop();
  const report = JSON.parse(line) as WorkerReport;
  return {
    archived: report.outcome.archived,
    error: report.outcome.error,
    seconds: report.seconds,
    startRssKb: report.startRssKb,
    peakRssKb: Math.max(report.peakRssKb, sampled.peakKb),
    samples: sampled.samples,
  };
}
