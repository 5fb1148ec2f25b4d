import "server-only";
import type { AuditEntry } from "@/lib/audit/types";
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { mergeRanges, playedShare, readRanges, type PlayedRange } from "@/lib/media/played-ranges";
import { messageKey } from "@/lib/i18n/keys";

export type PlaybackReport = { durationSeconds: number; ranges: PlayedRange[] };

/**
 * How far a later report of a video's length may stray from the first one: players round differently, but a
 * different length means a different file or a forged report.
 */
const durationTolerance = (seconds: number) => Math.max(1, seconds * 0.01);

/**
 * Records which parts of a recording a staff member's player says were played, merged with what it said
 * before, and audits each new 10% step of the video reached (once per person and file).
 *
 * Trust: the client reports both the ranges and the video's length; the server cannot watch the screen. It
 * bounds what it accepts (schema: ranges within [0, length], a bounded count, a length of at most 6 hours),
 * merges, and pins the length to the first report for the file: later reports must agree within a tolerance
 * or are refused, so a player cannot shrink the video to make little look like most of it. A forged report
 * can still claim playing that did not happen; the audit trail shows when each step was reported.
 */
export async function applyPlaybackReport(
  tx: Tx,
  staffUserId: string,
  verificationId: string,
  mediaId: string,
  report: PlaybackReport,
): Promise<{ value: { share: number; stepped: boolean }; audit: AuditEntry[] }> {
  // Reports for one file take turns, so the first length and each audited step are claimed exactly once.
  const [asset] = await tx.$queryRaw<Array<{ durationSeconds: number | null }>>`
    SELECT "durationSeconds" FROM media_assets
    WHERE id = ${mediaId}::uuid AND "verificationId" = ${verificationId}::uuid AND kind = 'VIDEO'
    FOR NO KEY UPDATE`;
  if (!asset) throw new DomainError(messageKey("calls.playback.notThisVideo"));
  const duration = asset.durationSeconds ?? report.durationSeconds;
  if (asset.durationSeconds === null) {
    await tx.mediaAsset.update({ where: { id: mediaId }, data: { durationSeconds: duration } });
  } else if (Math.abs(report.durationSeconds - duration) > durationTolerance(duration)) {
    throw new DomainError(messageKey("calls.playback.lengthMismatch"));
  }
  const key = { staffUserId_mediaAssetId: { staffUserId, mediaAssetId: mediaId } };
  const before = await tx.mediaPlayback.findUnique({ where: key });
  const clamped = report.ranges.map(([s, e]): PlayedRange => [Math.max(0, s), Math.min(duration, e)]);
  const ranges = mergeRanges([...readRanges(before?.ranges), ...clamped]);
  const share = playedShare(ranges, duration);
  const step = Math.floor(share * 10 + 1e-9);
  const auditedStep = Math.max(step, before?.auditedStep ?? 0);
  const data = { ranges: ranges.map(([s, e]) => [s, e]), durationSeconds: duration, auditedStep };
  await tx.mediaPlayback.upsert({
    where: key,
    create: { staffUserId, mediaAssetId: mediaId, ...data },
    update: data,
  });
  if (step <= (before?.auditedStep ?? 0)) return { value: { share, stepped: false }, audit: [] };
  const details = { mediaId, share: step / 10 };
  return {
    value: { share, stepped: true },
    audit: [{ action: "recording.watched", targetType: "verification", targetId: verificationId, details }],
  };
}
