// Starts a baseline server as a child process and hands back its URL.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "../support/config";
import type { BaselineConfig } from "./handlers";

export type Baseline = { url: string; stop: () => Promise<void> };

export function startBaseline(config: BaselineConfig): Promise<Baseline> {
  // Node with tsx's loader rather than the tsx wrapper, so the signal reaches the server itself.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", path.join(import.meta.dirname, "server.ts")],
    {
      cwd: ROOT,
      env: { ...process.env, BASELINE_CONFIG: JSON.stringify(config), NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return whenListening(child, `baseline ${config.kind}`, (text) => {
    const port = /listening (\d+)/.exec(text)?.[1];
    return port ? `http://127.0.0.1:${port}` : null;
  });
}

/**
 * A baseline server started as `child`: resolves with its URL once its output names it (`urlFrom` answers
 * non-null), and with the stop that ends it; rejects if it exits first.
 */
export function whenListening(
  child: ChildProcess,
  name: string,
  urlFrom: (output: string) => string | null,
): Promise<Baseline> {
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${name} exited ${code} before listening`)));
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (text: string) => {
      const url = urlFrom(text);
      if (url) resolve({ url, stop });
    });
  });
}
