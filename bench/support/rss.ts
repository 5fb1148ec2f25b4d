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

/**
 * Runs `step` against process `pid` (the app server), sampling its RSS; returns the result and the peak
 * above its RSS just before. `warmUp` first does the same with a small file: a route's code loads on its
 * first request, memory the big file does not cause.
 */
export async function withRss<T>(
  pid: number,
  warmUp: () => Promise<unknown>,
  step: () => Promise<T>,
): Promise<{ result: T; extraKb: number }> {
  await warmUp();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const startKb = await rssKb(pid);
  const sampler = sampleRss(pid);
  const result = await step();
  const { peakKb } = await sampler.stop();
  return { result, extraKb: Math.max(0, peakKb - startKb) };
}
