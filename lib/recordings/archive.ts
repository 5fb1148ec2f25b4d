import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { MediaKind } from "@/lib/generated/prisma/enums";
import {
  DownloadFailed,
  downloadRecording,
  markIdClient,
  type DownloadPolicy,
  type VideoCallRecord,
} from "@/lib/markid";
import { mediaStorage, type StoredObject } from "@/lib/media/storage";
import { storedVideoDurationMs } from "@/lib/media/stored-duration";
import { recordArchiveFailure } from "@/lib/recordings/failures";
import { missingEvidence } from "@/lib/decisions/rules";
import { caseFacts, emitOutboundEvent } from "@/lib/outbound-webhooks/emit";
import { evidenceComplete, notifyRecordingsReady } from "@/lib/notifications/causes";

type Item = { sourceKey: string; kind: MediaKind; url: string };

const KIND_LABEL: Record<MediaKind, string> = {
  FACE_PHOTO: "Face photo",
  DOCUMENT_FRONT: "Document front",
  DOCUMENT_BACK: "Document back",
  VIDEO: "Video",
};

const PHOTO_KIND = {
  VIDEO_CALL_FACE: "FACE_PHOTO",
  VIDEO_CALL_FRONT: "DOCUMENT_FRONT",
  VIDEO_CALL_BACK: "DOCUMENT_BACK",
} as const;

function itemsOf(record: VideoCallRecord): Item[] {
  const photos = Object.entries(PHOTO_KIND).flatMap(([key, kind]) => {
    const url = record.photos[key as keyof typeof PHOTO_KIND];
    return url ? [{ sourceKey: key, kind, url }] : [];
  });
  const videos = record.videos.map((url, i) => ({ sourceKey: `VIDEO_${i}`, kind: "VIDEO" as const, url }));
  return [...photos, ...videos];
}

export type ArchiveOutcome = { archived: number; complete: boolean; missing: string[]; error?: string };

/**
 * Copies every recording MarkID holds for the verification into our storage, at once, because the links
 * expire. Files already archived are skipped, so running it again (job retry, button, reconciliation)
 * never stores a file twice. An expired link makes it ask MarkID for the record again, once.
 */
export async function archiveRecordings(verificationId: string, attempt = 0): Promise<ArchiveOutcome> {
  const db = getDb();
  const v = await db.verification.findUniqueOrThrow({
    where: { id: verificationId },
    include: {
      mediaAssets: { select: { sourceKey: true, kind: true } },
      purge: { select: { startedAt: true } },
    },
  });
  // Once its retention purge has begun, nothing is fetched again: the files were deleted on purpose.
  if (v.purge)
    return {
      archived: 0,
      complete: false,
      missing: [],
      error: "Its evidence was deleted under the retention policy.",
    };
  const photosRequested = v.tokenType === "VIDEO_CALL_PHOTOS";
  const have = new Set(v.mediaAssets.map((m) => m.sourceKey));
  const record = await markIdClient().getVideoCallRecord(v.scanRef);
  if (!record.ok) {
    const missing = missingEvidence(
      photosRequested,
      v.mediaAssets.map((m) => m.kind),
    );
    return { archived: 0, complete: false, missing, error: record.error.message };
  }
  const pending = itemsOf(record.value).filter((item) => !have.has(item.sourceKey));
  const results = await Promise.all(pending.map((item) => archiveOne(v.id, item)));
  const expired = results.some((r) => r === "expired");
  if (expired && attempt === 0) {
    const again = await archiveRecordings(verificationId, 1);
    return { ...again, archived: again.archived + results.filter((r) => r === "stored").length };
  }
  const kinds = await db.mediaAsset.findMany({ where: { verificationId }, select: { kind: true } });
  const missing = missingEvidence(
    photosRequested,
    kinds.map((k) => k.kind),
  );
  const failure = results.find((r) => typeof r === "object");
  const stored = results.filter((r) => r === "stored").length;
  return {
    archived: stored,
    complete: missing.length === 0,
    missing,
    error: typeof failure === "object" ? failure.message : undefined,
  };
}

function policyFor(item: Item): DownloadPolicy {
  const env = getEnv();
  const video = item.kind === "VIDEO";
  return {
    origins: env.MARKID_MEDIA_HOSTS,
    expect: video ? "video" : "photo",
    maxBytes: video ? env.MEDIA_MAX_VIDEO_BYTES : env.MEDIA_MAX_PHOTO_BYTES,
    // Silence allowed between chunks; a 30-minute call's video may take far longer as a whole.
    timeoutMs: env.MARKID_TIMEOUT_MS * 8,
  };
}

async function archiveOne(
  verificationId: string,
  item: Item,
): Promise<"stored" | "expired" | { message: string }> {
  const download = await downloadRecording(item.url, policyFor(item));
  if (!download.ok && download.expired) return "expired";
  if (!download.ok) return failed(verificationId, item, download.message);
  const key = `${verificationId}/${item.sourceKey}`;
  let stored: StoredObject;
  try {
    stored = await mediaStorage().put(key, download.body, download.contentType);
  } catch (error) {
    // Cut off or over the limit part way: storage kept nothing; anything else (storage down) is thrown.
    if (error instanceof DownloadFailed) return failed(verificationId, item, error.message);
    throw error;
  }
  const durationMs = item.kind === "VIDEO" ? await storedVideoDurationMs(key, stored.sizeBytes) : null;
  await getDb().$transaction(async (tx) => {
    const wasComplete = await evidenceComplete(tx, verificationId);
    // Another run may have archived the same file meanwhile; the unique key makes that a no-op.
    const inserted = await tx.mediaAsset.createMany({
      data: [
        {
          verificationId,
          kind: item.kind,
          sourceKey: item.sourceKey,
          storageKey: key,
          contentType: download.contentType,
          sizeBytes: BigInt(stored.sizeBytes),
          sha256: stored.sha256,
          durationMs,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return;
    await recordAudit(tx, {
      action: "recording.archived",
      targetType: "verification",
      targetId: verificationId,
      details: {
        kind: item.kind,
        sourceKey: item.sourceKey,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
      },
    });
    // The file that completes the evidence tells whoever has the case, and the bank's systems, that it can be
    // reviewed now: once, in this transaction, whichever of two racing runs stores it (the case's row lock).
    if (!wasComplete && (await evidenceComplete(tx, verificationId))) {
      await notifyRecordingsReady(tx, verificationId);
      const files = await tx.mediaAsset.count({ where: { verificationId } });
      await emitOutboundEvent(tx, "recordings.archived", { ...(await caseFacts(tx, verificationId)), files });
    }
  });
  return "stored";
}

async function failed(verificationId: string, item: Item, reason: string): Promise<{ message: string }> {
  await recordArchiveFailure(verificationId, item, reason);
  return { message: `${KIND_LABEL[item.kind]}: ${reason}` };
}
