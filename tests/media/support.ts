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
