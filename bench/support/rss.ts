// Resident memory of another process, read from /proc (Linux): sampled every 50 ms while something runs, and
// the pid that listens on a port (the app server runs under a tsx wrapper, so its child's pid is not ours).
import { readdir, readFile, readlink } from "node:fs/promises";

const SAMPLE_MS = 50;

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
}

export type RssSampler = { stop: () => Promise<{ peakKb: number; samples: number }> };

/** Samples `pid`'s RSS every 50 ms until stopped; a process that has exited ends the sampling. */
export function sampleRss(pid: number): RssSampler {
  let peakKb = 0;
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const kb = await rssKb(pid).catch(() => null);
      if (kb === null) return;
      peakKb = Math.max(peakKb, kb);
      samples++;
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { peakKb, samples };
    },
  };
}

/** The process whose socket listens on 127.0.0.1 or any address at `port` (TCP, IPv4 or IPv6). */
export async function listeningPid(port: number): Promise<number> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const rows = (await readFile(table, "utf8").catch(() => "")).split("\n").slice(1);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      // local_address is "ADDR:PORT"; state 0A is LISTEN; the inode is the tenth column.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A" && cols[9]) inodes.add(cols[9]);
    }
  }
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const link = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => "");
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      if (inode && inodes.has(inode)) return Number(entry);
    }
  }
  throw new Error(`No process of ours listens on port ${port}`);
}

/** `pid` and the processes it started: with WEB_CONCURRENCY above 1 the listener is the cluster's primary. */
export async function withChildren(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // The fourth field, after the parenthesised name (which may hold spaces), is the parent's pid.
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (parent === pid) children.push(Number(entry));
  }
  return [pid, ...children];
}

/**
 * Runs `step` against the app server's processes, sampling each one's RSS; returns the result and the largest
 * peak of any of them above its RSS just before. `warmUp` first does the same with a small file: a route's
 * code loads on its first request, memory the big file does not cause (with several web processes, it runs
 * once per process, as connections are dealt in turn).
 */
export async function withRss<T>(
  pids: number[],
  warmUp: () => Promise<unknown>,
  step: () => Promise<T>,
): Promise<{ result: T; extraKb: number }> {
  for (let i = 0; i < pids.length; i++) await warmUp();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const startKb = await Promise.all(pids.map((pid) => rssKb(pid).catch(() => 0)));
  const samplers = pids.map((pid) => sampleRss(pid));
  const result = await step();
  const peaks = await Promise.all(samplers.map((sampler) => sampler.stop()));
  const extraKb = Math.max(0, ...peaks.map(({ peakKb }, i) => peakKb - startKb[i]!));
  return { result, extraKb };
}
