import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { E2E_ENV_FILE } from "./constants";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs `npm run retention:purge` against the e2e stack, as if on `asOf`; returns what it printed. */
export async function runPurgeAsOf(asOf: Date): Promise<Record<string, number | string>> {
  const appEnv = JSON.parse(await readFile(E2E_ENV_FILE, "utf8")) as Record<string, string>;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "scripts/retention-purge.ts",
      `--as-of=${asOf.toISOString()}`,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...appEnv,
        NODE_ENV: "production",
        RETENTION_TEST_CLOCK: "on",
        LOG_LEVEL: "warn",
      },
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
}
