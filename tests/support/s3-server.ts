// A real S3-compatible server for the storage tests (s3rver: the S3 REST API over HTTP, objects on disk), on a
// free port with its own bucket, so S3 storage is exercised over the wire as in production, not mocked.
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type LocalS3 = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  close: () => Promise<void>;
};

export async function startLocalS3(bucket = "markid-media"): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "mbo-s3-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    // s3rver's own fixed credentials: it checks the signature against them.
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
