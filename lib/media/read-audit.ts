import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/dal";
import { getDb } from "@/lib/db";
import type { MediaKind } from "@/lib/generated/prisma/enums";
import type { ByteRange } from "@/lib/media/storage";
import type { RequestMeta } from "@/lib/request-meta";

/** A player's ranges within this long of the last audited read of the same file by the same person are one read. */
const READ_AUDIT_WINDOW_MINUTES = 10;

export type MediaRead = {
  user: SessionUser;
  meta: RequestMeta;
  asset: { id: string; verificationId: string; kind: MediaKind };
  download: boolean;
  /** The bytes served; null for the whole file. */
  range: ByteRange | null;
};

/**
 * Audits one response that hands out bytes of evidence. Every download is written; views, whichever range
 * they start at, are written once per person and file per window, so `Range: bytes=1-` is no blind spot and
 * a player's seeks do not flood the trail. The window is claimed in the same transaction as the audit event:
 * a failed write leaves it unclaimed, and of two instances racing for it exactly one writes the event.
 */
export async function auditMediaRead(read: MediaRead): Promise<void> {
  if (!read.download && (await withinWindow(read))) return;
  await getDb().$transaction(async (tx) => {
    if (!read.download) {
      const claimed = await tx.$queryRaw<unknown[]>`
        INSERT INTO media_read_audits ("staffUserId", "mediaAssetId", "auditedAt")
        VALUES (${read.user.id}::uuid, ${read.asset.id}::uuid, now() AT TIME ZONE 'UTC')
        ON CONFLICT ("staffUserId", "mediaAssetId") DO UPDATE SET "auditedAt" = EXCLUDED."auditedAt"
        WHERE media_read_audits."auditedAt" <=
          EXCLUDED."auditedAt" - make_interval(mins => ${READ_AUDIT_WINDOW_MINUTES}::int)
        RETURNING 1`;
      if (claimed.length === 0) return;
    }
    await recordAudit(tx, {
      action: read.download ? "recording.downloaded" : "recording.viewed",
      actorId: read.user.id,
      actorEmail: read.user.email,
      ...read.meta,
      targetType: "verification",
      targetId: read.asset.verificationId,
      details: {
        mediaId: read.asset.id,
        kind: read.asset.kind,
        range: read.range ? `${read.range.start}-${read.range.end}` : null,
      },
    });
  });
}

/** One indexed read, outside any transaction: the common case of a player's next range costs no more. */
async function withinWindow(read: MediaRead): Promise<boolean> {
  const rows = await getDb().$queryRaw<unknown[]>`
    SELECT 1 FROM media_read_audits
    WHERE "staffUserId" = ${read.user.id}::uuid AND "mediaAssetId" = ${read.asset.id}::uuid
      AND "auditedAt" > (now() AT TIME ZONE 'UTC') - make_interval(mins => ${READ_AUDIT_WINDOW_MINUTES}::int)`;
  return rows.length > 0;
}
