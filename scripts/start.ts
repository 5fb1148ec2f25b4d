// npm start: the production server. The environment is checked first; pending migrations are applied; then
// Next runs in this process behind lib/server/http-server.ts.
import path from "node:path";
import { EnvError, parseEnv } from "../lib/env";
import { applyMigrations } from "./db/migrations";

Object.assign(process.env, { NODE_ENV: "production" });
let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const applied = await applyMigrations(env.DATABASE_URL);
if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);

process.env.NEXTAUTH_URL ??= env.APP_URL;
const port = Number(process.env.PORT ?? 3000);
const { startHttpServer } = await import("../lib/server/http-server");
await startHttpServer({ dir: path.resolve(import.meta.dirname, ".."), port });
console.log(`Ready on http://localhost:${port}`);
