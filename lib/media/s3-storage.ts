import "server-only";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import { pipeline, Readable, Transform } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { assertSafeKey, type MediaStorage } from "@/lib/media/storage-types";
import { uploadStreamed } from "@/lib/media/s3-upload";

type S3Config = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
};

export function s3Storage(config: S3Config): MediaStorage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: Boolean(config.endpoint),
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  return {
    async put(key, body, contentType) {
      assertSafeKey(key);
      return uploadStreamed({ client, bucket: config.bucket, key, contentType }, body);
    },
    async size(key) {
      assertSafeKey(key);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: config.bucket, Key: key }));
        return head.ContentLength ?? null;
      } catch {
        return null;
      }
    },
    async read(key, range) {
      assertSafeKey(key);
      const out = await client.send(
        new GetObjectCommand({
          Bucket: config.bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      if (!out.Body) throw new Error("Empty S3 object");
      // On Node the SDK's body is the HTTP response itself: a Node stream, passed on without conversions.
      const body =
        out.Body instanceof Readable
          ? out.Body
          : Readable.fromWeb(out.Body.transformToWebStream() as NodeReadableStream<Uint8Array>);
      if (!range) return body;
      // Some S3-compatible servers answer more than was asked (s3rver reads "bytes=0-0" as the whole object);
      // a range that starts elsewhere is refused, one that runs on is cut to what was asked.
      const served = /^bytes (\d+)-(\d+)\//.exec(out.ContentRange ?? "");
      if (served && Number(served[1]) !== range.start) throw new Error("S3 served another range than asked");
      // pipeline, not pipe: an error or an early close on either side ends both.
      return pipeline(body, limitBytes(range.end - range.start + 1), () => undefined);
    },
    async ready() {
      await client.send(new HeadBucketCommand({ Bucket: config.bucket }));
    },
    async removePrefix(prefix) {
      assertSafeKey(prefix);
      const Bucket = config.bucket;
      let removed = 0;
      // One object at a time: DeleteObjects needs a Content-MD5 some S3-compatible servers reject.
      for (let token: string | undefined, more = true; more;) {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const { Key } of page.Contents ?? []) {
          if (!Key) continue;
          await client.send(new DeleteObjectCommand({ Bucket, Key }));
          removed++;
        }
        token = page.NextContinuationToken;
        more = Boolean(page.IsTruncated && token);
      }
      const uploads = await client
        .send(new ListMultipartUploadsCommand({ Bucket, Prefix: prefix }))
        .catch(() => ({ Uploads: [] }));
      for (const { Key, UploadId } of uploads.Uploads ?? []) {
        if (!Key || !UploadId) continue;
        await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
        removed++;
      }
      return removed;
    },
  };
}

/** Passes on the first `limit` bytes and drops the rest. */
function limitBytes(limit: number): Transform {
  let left = limit;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (left <= 0) return done();
      const part = chunk.byteLength > left ? chunk.subarray(0, left) : chunk;
      left -= part.byteLength;
      done(null, part);
    },
  });
}
