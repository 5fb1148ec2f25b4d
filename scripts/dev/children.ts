import { spawn, type ChildProcess } from "node:child_process";

const children: ChildProcess[] = [];
let stopping = false;
let onUnexpectedExit: ((summary: string) => void) | undefined;

/** Called once when a child exits before stopChildren() asked it to, with a one-line summary of why. */
export function whenChildFails(handler: (summary: string) => void): void {
  onUnexpectedExit = handler;
}

export function startChild(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): ChildProcess {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const recent: string[] = [];
  const prefix = (line: string) => `[${name}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        if (!line.trim()) continue;
        recent.push(line.trim());
        if (recent.length > 40) recent.shift();
        if (!process.env.DEBUG && STACK_NOISE.test(line.trim())) continue;
        process.stdout.write(prefix(line) + "\n");
      }
    });
  }
  child.on("error", (error) => {
    recent.push(error.message);
  });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    const summary = `${name} exited (${code ?? signal}): ${failureCause(recent)}`;
    onUnexpectedExit?.(summary);
  });
  children.push(child);
  return child;
}

/** The line that says why, from what the child printed last: its error message rather than a stack frame. */
export function failureCause(lines: string[]): string {
  const meaningful = lines.filter((l) => !STACK_NOISE.test(l));
  const thrown = meaningful.findLast((l) => /^(\w*Error|FATAL|PANIC)\b/.test(l));
  const said = meaningful.findLast((l) => /\b(error|fatal|failed|cannot|denied)\b/i.test(l));
  return thrown ?? said ?? meaningful.at(-1) ?? "no output";
}

// Frames and Node's crash banner: shown only with DEBUG set, since the one-line summary names the cause.
const STACK_NOISE = /^at\s|^node:|^\^+$|^Node\.js v\d|^throw |^\}$|^Emitted '|^\w+: (-?\d+|'[^']*'),?$/;

/** Sends SIGTERM to every child and waits for each to exit (SIGKILL after 5 s). */
export async function stopChildren(): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}

/** Waits until `url` answers; gives up at once if the child that should serve it has exited. */
export async function waitForHttp(url: string, timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`the process serving ${url} exited (${child.exitCode ?? child.signalCode})`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Waits until the child prints a line matching `pattern`; fails at once if it exits first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`no output matching ${pattern} within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const onData = (chunk: string) => {
      if (pattern.test(chunk)) finish();
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`the process exited (${code ?? signal}) before printing ${pattern}`));
    function finish(error?: Error) {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}
