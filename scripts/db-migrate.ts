// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded dev database).
import { withDevDatabase } from "./dev/database";
import { applyMigrations } from "./db/migrations";

await withDevDatabase(async (url) => {
  const applied = await applyMigrations(url);
  console.log(
    applied.length ? `Applied: ${applied.join(", ")}` : "Nothing to apply: the database is up to date.",
  );
});
