// npm run db:migrate: applies pending migrations to MIGRATION_DATABASE_URL (else DATABASE_URL, else the
// embedded dev database), then grants DATABASE_URL's role what the app needs (scripts/db/roles.ts). The data
// migrations need the app's NEXTAUTH_SECRET; without it they are left to npm start (or npm run dev).
import { applyDataMigrations } from "./db/data-migrations";
import { withDevDatabase } from "./dev/database";
import { describePrivileges, migrateDatabase } from "./db/roles";

await withDevDatabase(async (url) => {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL?.trim() || url;
  const { applied, privileges } = await migrateDatabase({ ownerUrl, appUrl: url });
  console.log(
    applied.length ? `Applied: ${applied.join(", ")}` : "Nothing to apply: the database is up to date.",
  );
  // The embedded development database has one role, by design; a real server is worth the warning.
  const note = process.env.DATABASE_URL ? describePrivileges(privileges) : null;
  if (note) console.log(note);
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return console.log("NEXTAUTH_SECRET is not set: data migrations run at the next npm start.");
  const data = await applyDataMigrations(url, secret);
  if (data.length) console.log(`Data migrations applied: ${data.join(", ")}`);
});
