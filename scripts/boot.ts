// Shared start of npm start and npm run workers: the environment checked (a bad one stops here, naming each
// variable), then pending migrations applied as the owner and the app role's privileges granted (or, given
// only the app's own role, a check that the release step left no migration pending: scripts/db/roles.ts), then
// the data migrations that need the app's keys.
import { EnvError, migrationDatabaseUrl, parseEnv, type Env } from "../lib/env";
import { applyDataMigrations } from "./db/data-migrations";
import { describePrivileges, migrateDatabase } from "./db/roles";

/** The environment, checked: a bad one stops the process here, naming each variable. */
export function checkedEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export async function boot(): Promise<Env> {
  const env = checkedEnv();
  const { applied, privileges } = await migrateDatabase({
    ownerUrl: migrationDatabaseUrl(env),
    appUrl: env.DATABASE_URL,
  });
  if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);
  const note = describePrivileges(privileges);
  if (note) console.log(note);
  const data = await applyDataMigrations(env.DATABASE_URL, env.NEXTAUTH_SECRET);
  if (data.length) console.log(`Data migrations applied: ${data.join(", ")}`);
  return env;
}
