// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded dev database). The data
// migrations need the app's NEXTAUTH_SECRET; without it they are left to npm start (or npm run dev).
import { applyDataMigrations } from "./db/data-migrations";
import { withDevDatabase } from "./dev/database";
import { applyMigrations } from "./db/migrations";

await withDevDatabase(async (url) => {
  const applied = await applyMigrations(url);
  console.log(
    applied.length ? `Applied: ${applied.join(", ")}` : "Nothing to apply: the database is up to date.",
  );
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return console.log("NEXTAUTH_SECRET is not set: data migrations run at the next npm start.");
  const data = await applyDataMigrations(url, secret);
  if (data.length) console.log(`Data migrations applied: ${data.join(", ")}`);
});
