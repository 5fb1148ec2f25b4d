"use client";

import { useTranslations } from "next-intl";
import { seekVideo } from "@/components/review/player-bridge";
import type { MediaKind } from "@/lib/generated/prisma/enums";
import { formatClock } from "@/lib/format";

export type MarkedMedia = { id: string; kind: MediaKind };

/** A saved mark: a button that seeks the video to its second, or a link to the photo it pins. */
export function MarkLink({
  mediaId,
  seconds,
  media,
}: {
  mediaId: string | null;
  seconds: number | null;
  media: readonly MarkedMedia[];
}) {
  const t = useTranslations("checklist.mark");
  const mediaLabel = useTranslations("review.media");
  if (!mediaId) return null;
  const found = media.find((m) => m.id === mediaId);
  const label = found ? mediaLabel(found.kind) : t("recording");
  const style = "text-sm text-accent underline underline-offset-2";
  if (seconds === null) {
    return (
      <a href={`#media-${mediaId}`} className={style}>
        {label}
      </a>
    );
  }
  return (
    <button
      type="button"
      className={style}
      // Only a player on this page can seek; without one (no recording:view) the time is still shown.
      onClick={() => seekVideo(mediaId, seconds)}
      aria-label={t(`play.${found?.kind ?? "unknown"}`, { time: formatClock(seconds) })}
    >
      ▶ {formatClock(seconds)}
    </button>
  );
}
