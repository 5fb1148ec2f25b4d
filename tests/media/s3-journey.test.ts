// The app on S3 (a real S3-compatible server over HTTP) end to end: recordings archived from MarkID into the
// bucket, a Range read served by the app's own server, the evidence pack streamed from the bucket, and the
// retention purge deleting the case's objects there while another case's stay.
import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { createStaff, enrol } from "../auth/support";
import { startFaultSandbox } from "../faults/support";
import { archivedCase, purgeDepsForTest } from "../retention/support";
import { startAppServer, type RunningAppServer } from "../support/app-server";
import { startLocalS3, type LocalS3 } from "../support/s3-server";
import { unzip } from "../support/unzip";

let s3: LocalS3;
let sandbox: Sandbox;
let server: RunningAppServer;
beforeAll(async () => {
  s3 = await startLocalS3();
  // Read by the app on first use: set before any app module is imported.
  Object.assign(process.env, {
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  });
  sandbox = await startFaultSandbox();
  server = await startAppServer();
});
afterAll(async () => {
  await server.close();
  await sandbox.close();
  await s3.close();
});

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function officerCookie() {
  const token = await import("@/lib/auth/session-token");
  const user = await createStaff("LEAD");
  await enrol(user.id);
  const claims = { sub: user.id, role: "LEAD", sv: user.sessionVersion, loginAt: token.nowSeconds() };
  return { user, cookie: `${token.sessionCookie().name}=${await token.reissueSessionToken(claims)}` };
}

describe("the app on S3", () => {
  it("archives into the bucket, serves ranges and the evidence pack from it, and purges from it", async () => {
    const { getDb } = await import("@/lib/db");
    const { mediaStorage } = await import("@/lib/media/storage");
    const db = getDb();
    const storage = mediaStorage();
    const v = await archivedCase(sandbox, "S3-PURGED", "DENIED", new Date("2026-06-01T00:00:00Z"));
    const kept = await archivedCase(sandbox, "S3-KEPT", "APPROVED", new Date("2026-06-01T00:00:00Z"));
    const assets = await db.mediaAsset.findMany({ where: { verificationId: v.id } });
    expect(assets).toHaveLength(4);
    // In the bucket, not on local disk: the bytes read back from S3 hash as archived.
    for (const a of assets) {
      expect(sha256(await buffer(await storage.read(a.storageKey)))).toBe(a.sha256);
    }

    const { cookie, user } = await officerCookie();
    const video = assets.find((a) => a.kind === "VIDEO")!;
    const ranged = await fetch(`${server.base}/api/media/${video.id}`, {
      headers: { cookie, range: "bytes=100-1099" },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 100-1099/${video.sizeBytes}`);
    expect(Buffer.from(await ranged.arrayBuffer())).toHaveLength(1000);

    const { evidencePack } = await import("@/lib/exports/evidence-pack");
    const meta = { requestId: "s3", ip: null, userAgent: "vitest" };
    const pack = await evidencePack({ ...user, role: "LEAD", scopeDates: null }, meta, v.id);
    const entries = await unzip(Buffer.from(await pack.arrayBuffer()));
    for (const a of assets) {
      // Named by kind in the pack: FACE_PHOTO is face-photo.png, VIDEO is video.webm.
      const entry = entries.find((e) => e.name.startsWith(a.kind.toLowerCase().replace("_", "-")));
      expect(entry && sha256(entry.data), a.kind).toBe(a.sha256);
    }

    const { runRetentionPurge } = await import("@/lib/retention/purge-job");
    // A year and a bit after the rejection; the approval is kept for five.
    expect(await runRetentionPurge(await purgeDepsForTest(), new Date("2027-07-01T00:00:00Z"))).toMatchObject(
      { purged: 1 },
    );
    for (const a of assets) expect(await storage.size(a.storageKey)).toBeNull();
    for (const a of await db.mediaAsset.findMany({ where: { verificationId: kept.id } })) {
      expect(await storage.size(a.storageKey)).toBe(Number(a.sizeBytes));
    }
  });
});
