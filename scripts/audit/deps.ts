// What `npm run audit:verify` and `audit:checkpoint` need: the database, the app's storage and the key.
import type { CheckpointDeps } from "../../lib/audit/checkpoint";
import { EnvError, parseCheckpointToolEnv } from "../../lib/env";
import { storageFor } from "../../lib/media/storage";
import { applyMigrations } from "../db/migrations";
import { DEMO_STAFF, seedClient } from "../db/seed";
import { devSecrets } from "../dev/secrets";

/** With the embedded development database, the key is this machine's dev secret, as `npm run dev` uses. */
export async function checkpointToolDeps(url: string): Promise<CheckpointDeps> {
  const source = { ...process.env };
  if (!process.env.DATABASE_URL) {
    // The embedded database may predate the checkpoint table; a real one is migrated by npm run db:migrate.
    await applyMigrations(url);
    source.AUDIT_CHECKPOINT_KEY ??= (await devSecrets(DEMO_STAFF.map((s) => s.role))).AUDIT_CHECKPOINT_KEY;
  }
  try {
    const env = parseCheckpointToolEnv(source);
    return { db: seedClient(url), storage: storageFor(env), key: env.AUDIT_CHECKPOINT_KEY };
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
