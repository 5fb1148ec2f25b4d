// The framework baseline for the list (bench/minimal-next/): the smallest production Next 16 app rendering the
// same 50 rows as a plain table. Built with webpack: Turbopack, rooted at the repository to find
// node_modules, would also bundle the app's own instrumentation.ts and proxy.ts into it.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "../support/config";
import { whenListening, type Baseline } from "./launch";
import type { SqlText } from "./list-sql";

const APP_DIR = path.join(ROOT, "bench/minimal-next");
const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");
const DIST_DIR = ".next-minimal";

function run(args: string[], env: NodeJS.ProcessEnv): ReturnType<typeof spawn> {
  return spawn(process.execPath, [NEXT, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

export async function buildMinimalNext(): Promise<void> {
  const child = run(["build", "--webpack", APP_DIR], { NODE_ENV: "production" });
  child.stdout?.resume();
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`minimal next build exited ${code}`)),
    );
  });
}

/** Serves `/` (the first page's SQL) and `/?deep=1` (the deepest page's) on `port`. */
export function startMinimalNext(
  port: number,
  databaseUrl: string,
  sql: { first: SqlText; deepest: SqlText },
): Promise<Baseline> {
  const child = run(["start", APP_DIR, "-p", String(port), "-H", "127.0.0.1"], {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    BENCH_LIST_SQL: JSON.stringify(sql),
  });
  return whenListening(child, "minimal next", (text) =>
    /Ready in/.test(text) ? `http://127.0.0.1:${port}` : null,
  );
}
