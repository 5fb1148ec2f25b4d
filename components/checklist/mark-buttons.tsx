"use client";

import type { MarkedMedia } from "@/components/checklist/mark-link";
import { MEDIA_LABEL } from "@/components/review/media-labels";
import { useVideoTime } from "@/components/review/player-bridge";
import { formatClock } from "@/lib/format";

const style = "rounded-md border border-border px-2 py-1 text-xs hover:bg-raised disabled:opacity-60";

/** Submits the video's current second as the item's mark; the label follows the player as it plays. */
function MarkAtButton({ mediaId, prefix, disabled }: { mediaId: string; prefix: string; disabled: boolean }) {
  const seconds = useVideoTime(mediaId);
  return (
    <button type="submit" name="mark" value={`${mediaId}@${seconds}`} className={style} disabled={disabled}>
      {prefix} {formatClock(seconds)}
    </button>
  );
}

/** The ways to pin an answer: to the current second of each video, or to a photo; and to remove the pin. */
export function MarkButtons({
  media,
  hasMark,
  disabled,
}: {
  media: readonly MarkedMedia[];
  hasMark: boolean;
  disabled: boolean;
}) {
  const videos = media.filter((m) => m.kind === "VIDEO");
  const photos = media.filter((m) => m.kind !== "VIDEO");
  return (
    <div className="flex flex-wrap gap-1">
      {videos.map((v, i) => (
        <MarkAtButton
          key={v.id}
          mediaId={v.id}
          prefix={videos.length > 1 ? `Mark recording ${i + 1} at` : "Mark at"}
          disabled={disabled}
        />
      ))}
      {photos.map((p) => (
        <button key={p.id} type="submit" name="mark" value={p.id} className={style} disabled={disabled}>
          Pin to {MEDIA_LABEL[p.kind].toLowerCase()}
        </button>
      ))}
      {hasMark ? (
        <button type="submit" name="mark" value="clear" className={style} disabled={disabled}>
          Remove mark
        </button>
      ) : null}
    </div>
  );
}
