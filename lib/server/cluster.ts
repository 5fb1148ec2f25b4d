import cluster, { type Worker } from "node:cluster";

// `npm start` with WEB_CONCURRENCY=n: n processes share the port (Node's cluster hands out connections in
// turn), since one Node process renders on one core. Nothing is shared in memory that must be: sessions are
// cookies re-checked against the database, limits and jobs live in PostgreSQL (the scale-out run proves it
// across machines). The primary only supervises: a process that dies is replaced, unless it died before it
// ever listened (a bad start would only repeat); a SIGTERM or SIGINT is passed on, and the primary leaves
// when the last process has drained (lib/server/http-server.ts).

export type WebProcessLog = (message: string) => void;

/**
 * In the primary: starts `count` web processes and watches them; resolves once all of them listen. A failed
 * start never resolves: the primary stops the others and exits 1.
 */
export function superviseWebProcesses(count: number, log: WebProcessLog = console.log): Promise<void> {
  let stopping = false;
  let exitCode = 0;
  const listening = new Set<number>();
  const fork = () => {
    const worker = cluster.fork();
    worker.once("listening", () => listening.add(worker.id));
    return worker;
  };
  const everyone = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
  const ready = new Promise<void>((resolve) => {
    cluster.on("listening", () => {
      if (listening.size >= count) resolve();
    });
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) {
        if (everyone().length === 0) process.exit(exitCode);
        return;
      }
      const how = signal ?? `code ${code}`;
      if (!listening.has(worker.id)) {
        log(`Web process ${worker.process.pid} ended (${how}) before it listened: stopping.`);
        exitCode = 1;
        return void stop("SIGTERM");
      }
      listening.delete(worker.id);
      log(`Web process ${worker.process.pid} ended (${how}): starting another.`);
      fork();
    });
  });
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means now.
    if (stopping) return process.exit(1);
    stopping = true;
    const workers = everyone();
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill(signal);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  for (let i = 0; i < count; i++) fork();
  return ready;
}
