import "server-only";
import type { Tx } from "@/lib/db";
import { playedSeconds, readRanges } from "@/lib/media/played-ranges";

export type Watched = {
  /** Played share (0–1) of all the case's video together. */
  share: number;
  /** Length of all the case's video together; null while a video's length is not yet known. */
  durationSeconds: number | null;
};

/**
 * How much of a verification's video one staff member has played, from their merged reports. A video no
 * player has reported yet has no known length: the total is then unknown and nothing counts as watched.
 * Null when the case has no video.
 */
export async function watchedBy(
  tx: Pick<Tx, "mediaAsset">,
  staffUserId: string,
  verificationId: string,
): Promise<Watched | null> {
  const videos = await tx.mediaAsset.findMany({
    where: { verificationId, kind: "VIDEO" },
    select: { durationSeconds: true, playbacks: { where: { staffUserId }, select: { ranges: true } } },
  });
  if (!videos.length) return null;
  if (videos.some((v) => v.durationSeconds === null)) return { share: 0, durationSeconds: null };
  const total = videos.reduce((sum, v) => sum + (v.durationSeconds ?? 0), 0);
  const played = videos.reduce(
    (sum, v) => sum + playedSeconds(readRanges(v.playbacks[0]?.ranges), v.durationSeconds ?? 0),
    0,
  );
  return { share: total > 0 ? Math.min(1, played / total) : 0, durationSeconds: total };
}
