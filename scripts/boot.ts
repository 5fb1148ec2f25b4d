// Shared start of npm start and npm run workers: the environment checked (a bad one stops here, naming each
// variable), then pending migrations applied.
import { EnvError, parseEnv, type Env } from "../lib/env";
import { applyMigrations } from "./db/migrations";

export async function boot(): Promise<Env> {
  let env: Env;
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
  return env;
}
