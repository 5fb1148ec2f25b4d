// A verification with one archived video of known bytes, stored through the app's own media storage. Call after
// MEDIA_DIR is set: the app modules are imported here, lazily, for that reason.

/** Resolves to the media asset's id. */
export async function storeVideoFixture(scanRef: string, bytes: Buffer): Promise<string> {
  const [{ getDb }, { mediaStorage }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/media/storage"),
  ]);
  const db = getDb();
  const v = await db.verification.create({ data: { scanRef, clientId: "c", tokenType: "VIDEO_CALL" } });
  const key = `${v.id}/VIDEO_0`;
  const stored = await mediaStorage().put(
    key,
    (async function* () {
      yield bytes;
    })(),
    "video/webm",
  );
  const asset = await db.mediaAsset.create({
    data: {
      verificationId: v.id,
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
