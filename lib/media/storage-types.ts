// What every storage backend shares. Kept apart from storage.ts, which picks a backend, so that the
// backends need not import the module that imports them.
import type { Readable } from "node:stream";

export type StoredObject = { sizeBytes: number; sha256: string };
export type ByteRange = { start: number; end: number };

/** Where recordings live: our own copy, because MarkID's links expire. */
export type MediaStorage = {
  /** Streams `body` into `key`, hashing as it goes; the object appears whole or not at all. */
  put(key: string, body: AsyncIterable<Uint8Array>, contentType: string): Promise<StoredObject>;
  size(key: string): Promise<number | null>;
  /** A Node stream: the app server pipes it to the socket as it is (Web streams cost a player's every range twice). */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /**
   * Deletes every object whose key starts with `prefix`, unfinished uploads included (a local `.partial`
   * file, an S3 multipart upload); returns how many went. Deleting what is already gone is no error.
   */
  removePrefix(prefix: string): Promise<number>;
  /** Resolves when the storage can be used (the folder is writable, the bucket answers); /readyz asks. */
  ready(): Promise<void>;
};

/** Storage keys are ours, never MarkID's: verification id and a fixed name per file. */
export function assertSafeKey(key: string): void {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9/_.-]*$/.test(key) || key.includes("..")) throw new Error("Invalid media key");
}
