// npm run db:migration -- <name>: writes a migration from the last migrated schema to prisma/schema.prisma.
import { withDevDatabase } from "./dev/database";
import { createMigration } from "./db/migrations";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}
await withDevDatabase(async (url) => {
  const dir = await createMigration(url, name);
  console.log(dir ? `Wrote ${dir}/migration.sql` : "No changes: schema.prisma matches the migrations.");
});
