import "server-only";
import type { CheckpointDeps } from "@/lib/audit/checkpoint";
import { getDb, getPool } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { mediaStorage } from "@/lib/media/storage";

/** The running app's database, storage and checkpoint key (the CLI tools build their own). */
export function appCheckpointDeps(): CheckpointDeps {
  return { db: getDb(), pool: getPool(), storage: mediaStorage(), key: getEnv().AUDIT_CHECKPOINT_KEY };
}
