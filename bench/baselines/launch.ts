// Starts a baseline server as a child process and hands back its URL.
import { spawn } from "node:child_process";
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
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      reject(new Error(`baseline ${config.kind} exited ${code} before listening`)),
    );
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (text: string) => {
      const port = /listening (\d+)/.exec(text)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, stop });
    });
  });
}
