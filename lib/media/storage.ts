import "server-only";
import { getEnv, type CheckpointToolEnv } from "@/lib/env";
import { localStorage } from "@/lib/media/local-storage";
import { s3Storage } from "@/lib/media/s3-storage";

export type StoredObject = { sizeBytes: number; sha256: string };
export type ByteRange = { start: number; end: number };

/** Where recordings live: our own copy, because MarkID's links expire. */
export type MediaStorage = {
  /** Streams `body` into `key`, hashing as it goes; the object appears whole or not at all. */
  put(key: string, body: AsyncIterable<Uint8Array>, contentType: string): Promise<StoredObject>;
  size(key: string): Promise<number | null>;
  read(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array>>;
};

let cached: MediaStorage | undefined;

export function mediaStorage(): MediaStorage {
  cached ??= storageFor(getEnv());
  return cached;
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

/** Storage keys are ours, never MarkID's: verification id and a fixed name per file. */
export function assertSafeKey(key: string): void {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9/_.-]*$/.test(key) || key.includes("..")) throw new Error("Invalid media key");
}
