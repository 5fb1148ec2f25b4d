// Runs a command as a child process and samples the resident memory of every process under it from /proc
// (Linux): the peak (VmHWM) of the largest, and how its resident size went over the run.
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { ROOT } from "./config";

export type SampledRun = {
  code: number | null;
  seconds: number;
  stdout: string;
  /** The end of stderr, for the report when the command fails. */
  stderrTail: string;
  /** The process with the highest peak in the tree (npm and tsx wrappers are smaller), and that peak. */
  peakMb: number;
  peakCommand: string;
  /** That process's resident size at a quarter, half, three quarters of the run and at its last sample. */
  rssMb: number[];
};

const kb = (status: string, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);

/** Every process descending from `root`, by each process's parent in /proc/<pid>/stat. */
async function tree(root: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const name of await readdir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => "");
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid) parents.set(Number(name), ppid);
  }
  const found = [root];
  for (let i = 0; i < found.length; i += 1) {
    for (const [pid, ppid] of parents) if (ppid === found[i]) found.push(pid);
  }
  return found;
}

export async function runSampled(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<SampledRun> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
  child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr = (stderr + t).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const peaks = new Map<number, { peak: number; command: string; rss: number[] }>();
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    for (const pid of await tree(child.pid!)) {
      const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
      if (!status) continue;
      const seen = peaks.get(pid) ?? { peak: 0, command: "", rss: [] };
      seen.peak = Math.max(seen.peak, kb(status, "VmHWM"));
      seen.rss.push(kb(status, "VmRSS"));
      seen.command ||= (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).replace(/\0/g, " ");
      peaks.set(pid, seen);
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
  }
  const code = await exited;
  const largest = [...peaks.values()].sort((a, b) => b.peak - a.peak)[0];
  const mb = (k: number) => Math.round(k / 102.4) / 10;
  const at = (f: number) =>
    largest?.rss[Math.min(largest.rss.length - 1, Math.floor(f * largest.rss.length))] ?? 0;
  return {
    code,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    stdout,
    stderrTail: stderr.slice(-1000),
    peakMb: mb(largest?.peak ?? 0),
    peakCommand: (largest?.command ?? "").slice(0, 120).trim(),
    rssMb: [0.25, 0.5, 0.75, 1].map((f) => mb(at(f))),
  };
}
