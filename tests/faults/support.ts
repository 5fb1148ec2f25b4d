// Shared by the fault tests: the app pointed at a sandbox of its own, verifications with a finished call,
// and a signed-in staff member for calling server actions outside Next (next/headers is mocked per file).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { startSandbox, type Sandbox } from "@/sandbox/server";

let mediaDir: string | undefined;
afterAll(async () => {
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

/** A sandbox for this file; the app reads these variables on first use, so call this before importing it. */
export async function startFaultSandbox(webhookUrl?: string): Promise<Sandbox> {
  const sandbox = await startSandbox({
    port: 0,
    apiKey: process.env.MARKID_API_KEY!,
    apiSecret: process.env.MARKID_API_SECRET!,
    signingKey: process.env.MARKID_WEBHOOK_SIGNING_KEY!,
    webhookUrl,
    // Retries are part of what is tested; waiting half a second between them is not.
    webhookRetryDelayMs: 20,
  });
  process.env.MARKID_API_URL = sandbox.url;
  process.env.MARKID_MEDIA_HOSTS = sandbox.url;
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "mbo-faults-media-"));
  process.env.MEDIA_DIR = mediaDir;
  // Short, so a hanging MarkID costs a test one second per attempt.
  process.env.MARKID_TIMEOUT_MS = "1000";
  return sandbox;
}

/** Requests the sandbox saw on one API path. */
export const seen = (sandbox: Sandbox, apiPath: string): number =>
  sandbox.controls.requests().filter((r) => r.path === apiPath).length;

/** A verification minted at the sandbox whose call has ended, so MarkID holds its recordings. */
export async function finishedCall(sandbox: Sandbox, clientId: string) {
  const [{ getDb }, { markIdClient }] = await Promise.all([import("@/lib/db"), import("@/lib/markid")]);
  const token = await markIdClient().createToken({ clientId, tokenType: "VIDEO_CALL_PHOTOS" });
  if (!token.ok) throw new Error(token.error.message);
  const v = await getDb().verification.create({
    data: {
      scanRef: token.value.scanRef,
      clientId,
      tokenType: "VIDEO_CALL_PHOTOS",
      status: "CALL_IN_PROGRESS",
    },
  });
  const call = await markIdClient().createVideoCall({ scanRef: v.scanRef, photos: true });
  if (!call.ok) throw new Error(call.error.message);
  sandbox.controls.completeCall(v.scanRef, { success: true });
  return v;
}

/** What archiving left behind: asset rows and "recording.archived" audit events, per verification. */
export async function archiveState(verificationId: string) {
  const { getDb } = await import("@/lib/db");
  const db = getDb();
  const assets = await db.mediaAsset.findMany({ where: { verificationId }, orderBy: { sourceKey: "asc" } });
  const audits = await db.auditEvent.findMany({
    where: { targetId: verificationId, action: "recording.archived" },
  });
  return { assets, audits, sourceKeys: assets.map((a) => a.sourceKey) };
}
