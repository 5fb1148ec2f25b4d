// npm start: the production server. The environment is checked first; pending migrations are applied.
import { spawn } from "node:child_process";
import path from "node:path";
import { EnvError, parseEnv } from "../lib/env";
import { applyMigrations } from "./db/migrations";

let env;
try {
  env = parseEnv({ ...process.env, NODE_ENV: "production" });
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const applied = await applyMigrations(env.DATABASE_URL);
if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);

const next = spawn(
  path.resolve(import.meta.dirname, "../node_modules/.bin/next"),
  ["start", "--port", process.env.PORT ?? "3000"],
  {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? env.APP_URL },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
