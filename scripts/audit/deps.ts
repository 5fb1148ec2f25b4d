// What `npm run audit:verify` and `audit:checkpoint` need: the database, the app's storage and the key.
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import type { CheckpointDeps } from "../../lib/audit/checkpoint";
import { EnvError, parseCheckpointToolEnv } from "../../lib/env";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { storageFor } from "../../lib/media/storage";

/** With the embedded development database, the key is this machine's dev secret, as `npm run dev` uses. */
export async function checkpointToolDeps(url: string): Promise<CheckpointDeps> {
  const source = { ...process.env };
  if (!process.env.DATABASE_URL) {
    // Loaded only here: audit:verify on a real database keeps its memory for the walk (bench/README.md).
    const [{ applyMigrations }, { DEMO_STAFF }, { devSecrets }] = await Promise.all([
      import("../db/migrations"),
      import("../db/seed"),
      import("../dev/secrets"),
    ]);
    // The embedded database may predate the checkpoint table; a real one is migrated by npm run db:migrate.
    await applyMigrations(url);
    source.AUDIT_CHECKPOINT_KEY ??= (await devSecrets(DEMO_STAFF.map((s) => s.role))).AUDIT_CHECKPOINT_KEY;
  }
  try {
    const env = parseCheckpointToolEnv(source);
    // One pool, as in the app: the chain and the checkpoints are read with it directly, and Prisma, which
    // only writing a checkpoint uses, loads its query engine on its first query.
    const pool = new Pool({ connectionString: url, max: 4 });
    const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    return { db, pool, storage: storageFor(env), key: env.AUDIT_CHECKPOINT_KEY };
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
