import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// Archived videos of known bytes, stored through the app's own media storage. Call after MEDIA_DIR is set: the
// app modules are imported here, lazily, for that reason.

/** A verification with one archived video; resolves to the media asset's id. */
export async function storeVideoFixture(scanRef: string, bytes: Buffer): Promise<string> {
  const { getDb } = await import("@/lib/db");
  const v = await getDb().verification.create({ data: { scanRef, clientId: "c", tokenType: "VIDEO_CALL" } });
  return storeVideo(v.id, bytes);
}

/** One archived video of the given verification; resolves to the media asset's id. */
export async function storeVideo(verificationId: string, bytes: Buffer): Promise<string> {
  const [{ getDb }, { mediaStorage }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/media/storage"),
  ]);
  const key = `${verificationId}/VIDEO_0`;
  const stored = await mediaStorage().put(
    key,
    (async function* () {
      yield bytes;
    })(),
    "video/webm",
  );
  const asset = await getDb().mediaAsset.create({
    data: {
      verificationId,
      kind: "VIDEO",
      sourceKey: "VIDEO_0",
      storageKey: key,
      contentType: "video/webm",
      sizeBytes: BigInt(stored.sizeBytes),
      sha256: stored.sha256,
    },
  });
  return asset.id;
}

/** The production server's Node media path alone, on a free local port (the app decides; anything else 404s). */
export async function startNodeMediaServer(): Promise<{ base: string; close: () => Promise<void> }> {
  const node = await import("@/lib/media/node-serve");
  const server = createServer((req, res) => {
    const id = node.mediaRequestId(req);
    if (id) return void node.serveMediaNode(req, res, id);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
