// npm run workers: the job workers alone (webhook relay and processing, recordings, link emails), for servers
// started with JOB_WORKERS=off. The environment is checked first; pending migrations are applied.
import { EnvError, parseEnv } from "../lib/env";
import { applyMigrations } from "./db/migrations";

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

// Stops on SIGINT and SIGTERM by itself, letting running jobs finish (lib/jobs/workers.ts).
const { startWorkers } = await import("../lib/jobs/workers");
await startWorkers();
console.log("Job workers running.");
