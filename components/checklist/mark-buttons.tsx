"use client";

import type { MarkedMedia } from "@/components/checklist/mark-link";
import { useTranslations } from "next-intl";
import { useVideoTime } from "@/components/review/player-bridge";
import { formatClock } from "@/lib/format";

const style = "rounded-md border border-border px-2 py-1 text-xs hover:bg-raised disabled:opacity-60";

/** Submits the video's current second as the item's mark; the label follows the player as it plays. */
function MarkAtButton({
  mediaId,
  number,
  disabled,
}: {
  mediaId: string;
  number: number | null;
  disabled: boolean;
}) {
  const t = useTranslations("checklist.mark");
  const seconds = useVideoTime(mediaId);
  const time = formatClock(seconds);
  return (
    <button type="submit" name="mark" value={`${mediaId}@${seconds}`} className={style} disabled={disabled}>
      {number === null ? t("markAt", { time }) : t("markRecordingAt", { number, time })}
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
  const t = useTranslations("checklist.mark");
  const videos = media.filter((m) => m.kind === "VIDEO");
  const photos = media.filter((m) => m.kind !== "VIDEO");
  return (
    <div className="flex flex-wrap gap-1">
      {videos.map((v, i) => (
        <MarkAtButton
          key={v.id}
          mediaId={v.id}
          number={videos.length > 1 ? i + 1 : null}
          disabled={disabled}
        />
      ))}
      {photos.map((p) => (
        <button key={p.id} type="submit" name="mark" value={p.id} className={style} disabled={disabled}>
          {t(`pinTo.${p.kind}`)}
        </button>
      ))}
      {hasMark ? (
        <button type="submit" name="mark" value="clear" className={style} disabled={disabled}>
          {t("remove")}
        </button>
      ) : null}
    </div>
  );
}
