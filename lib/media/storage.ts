import "server-only";
import { getEnv, type CheckpointToolEnv } from "@/lib/env";
import { localStorage } from "@/lib/media/local-storage";
import { s3Storage } from "@/lib/media/s3-storage";
import type { MediaStorage } from "@/lib/media/storage-types";
import { processWide } from "@/lib/singleton";

export { type ByteRange, type MediaStorage, type StoredObject } from "@/lib/media/storage-types";

export function mediaStorage(): MediaStorage {
  return processWide("media-storage", () => storageFor(getEnv()));
}

type StorageEnv = Omit<CheckpointToolEnv, "NODE_ENV" | "AUDIT_CHECKPOINT_KEY">;

/** S3 when a bucket is configured, else the local folder: for the app and for the CLI tools alike. */
export function storageFor(env: StorageEnv): MediaStorage {
  return env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
    ? s3Storage({
        bucket: env.S3_BUCKET,
        region: env.S3_REGION ?? "us-east-1",
        endpoint: env.S3_ENDPOINT,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      })
    : localStorage(env.MEDIA_DIR);
}
