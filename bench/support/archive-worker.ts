// A process that archives one verification's recordings with the app's own code (lib/recordings/archive.ts),
// for measuring its memory from outside: `node --import tsx --conditions=react-server archive-worker.ts
// <warm-up id> <measured id>`. It archives the warm-up verification first (module loading, the database pool,
// Prisma's first queries: memory that is not the file's), prints "warm" and waits for a line on stdin;
// then it resets the kernel's peak RSS (VmHWM), archives the measured one and prints one JSON line.
import { readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { archiveRecordings } from "@/lib/recordings/archive";

const [warmId, measuredId] = process.argv.slice(2);
if (!warmId || !measuredId) throw new Error("usage: archive-worker.ts <warm-up id> <measured id>");

const statusKb = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0);

const warm = await archiveRecordings(warmId);
if (warm.error) throw new Error(`warm-up archiving failed: ${warm.error}`);
console.log("warm");
const lines = createInterface({ input: process.stdin });
await new Promise((resolve) => lines.once("line", resolve));
lines.close();

// "5" resets VmHWM to the current RSS (proc(5)): the peak read afterwards is this archiving's own.
writeFileSync("/proc/self/clear_refs", "5");
const startRssKb = statusKb("VmRSS");
const started = performance.now();
const outcome = await archiveRecordings(measuredId);
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ outcome, seconds, startRssKb, peakRssKb: statusKb("VmHWM") }));
process.exit(0);
