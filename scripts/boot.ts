// Shared start of npm start and npm run workers: the environment checked (a bad one stops here, naming each
// variable), then pending migrations applied, SQL first, then the data migrations that need the app's keys.
import { EnvError, parseEnv, type Env } from "../lib/env";
import { applyDataMigrations } from "./db/data-migrations";
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
  const data = await applyDataMigrations(env.DATABASE_URL, env.NEXTAUTH_SECRET);
  if (data.length) console.log(`Data migrations applied: ${data.join(", ")}`);
  return env;
}
