import "server-only";
import { createHash } from "node:crypto";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { StoredObject } from "@/lib/media/storage-types";

/** S3 parts must be at least 5 MiB (the last excepted); two are held at most, one filling, one uploading. */
const PART_BYTES = 8 * 1024 * 1024;

type Target = { client: S3Client; bucket: string; key: string; contentType: string };
type Total = { hash: ReturnType<typeof createHash>; size: number };

/** The source in parts of PART_BYTES (the last shorter), hashing and counting the whole on the way. */
async function* partsOf(body: AsyncIterable<Uint8Array>, total: Total): AsyncGenerator<Buffer, void> {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  for await (const chunk of body) {
    total.hash.update(chunk);
    total.size += chunk.byteLength;
    held.push(chunk);
    heldBytes += chunk.byteLength;
    if (heldBytes < PART_BYTES) continue;
    let joined = Buffer.concat(held, heldBytes);
    for (; joined.length >= PART_BYTES; joined = joined.subarray(PART_BYTES)) {
      yield joined.subarray(0, PART_BYTES);
    }
    // Copied, so the rest does not keep the whole joined buffer alive.
    held = joined.length > 0 ? [Buffer.from(joined)] : [];
    heldBytes = joined.length;
  }
  if (heldBytes > 0 || total.size === 0) yield Buffer.concat(held, heldBytes);
}

/**
 * Streams an object of unknown length into S3 with bounded memory: one PutObject when it fits in one part
 * (with its SHA-256, which S3 checks), else a multipart upload, each part sent while the next one fills.
 * The object appears only when the upload completes; a source that fails part way aborts it, so S3 keeps
 * nothing of it.
 */
export async function uploadStreamed(target: Target, body: AsyncIterable<Uint8Array>): Promise<StoredObject> {
  const { client, bucket: Bucket, key: Key, contentType: ContentType } = target;
  const total: Total = { hash: createHash("sha256"), size: 0 };
  const parts = partsOf(body, total);
  const first = await parts.next();
  const second = first.done ? first : await parts.next();
  if (second.done) {
    const bytes = first.done ? Buffer.alloc(0) : (first.value as Buffer);
    const sha256 = total.hash.digest("hex");
    await client.send(
      new PutObjectCommand({
        Bucket,
        Key,
        Body: bytes,
        ContentLength: bytes.length,
        ContentType,
        ChecksumSHA256: Buffer.from(sha256, "hex").toString("base64"),
      }),
    );
    return { sizeBytes: total.size, sha256 };
  }
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType }));
  if (!UploadId) throw new Error("S3 started no multipart upload");
  const done: { ETag: string; PartNumber: number }[] = [];
  const send = async (bytes: Buffer, PartNumber: number) => {
    const out = await client.send(
      new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body: bytes, ContentLength: bytes.length }),
    );
    if (!out.ETag) throw new Error(`S3 answered part ${PartNumber} without an ETag`);
    done.push({ ETag: out.ETag, PartNumber });
  };
  // Awaited later: a part that fails while the next one fills must not go unhandled meanwhile.
  const start = (bytes: Buffer, n: number) => {
    const sending = send(bytes, n);
    sending.catch(() => undefined);
    return sending;
  };
  try {
    let sending = start(first.value as Buffer, 1);
    let next: IteratorResult<Buffer, void> = second;
    for (let n = 2; !next.done; n++) {
      await sending;
      sending = start(next.value, n);
      next = await parts.next();
    }
    await sending;
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key,
        UploadId,
        MultipartUpload: { Parts: done.sort((a, b) => a.PartNumber - b.PartNumber) },
      }),
    );
  } catch (error) {
    // Stop reading the source too (a download is closed), then drop the parts S3 holds.
    await parts.return().catch(() => undefined);
    await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => undefined);
    throw error;
  }
  return { sizeBytes: total.size, sha256: total.hash.digest("hex") };
}
