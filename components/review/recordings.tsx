"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PhotoCompare } from "@/components/review/photo-compare";
import { PhotoViewer } from "@/components/review/photo-viewer";
import type { ReportPlayback } from "@/components/review/use-playback-report";
import { VideoPlayer } from "@/components/review/video-player";
import { shortcutsIn } from "@/lib/keyboard/shortcuts";
import type { MediaDto } from "@/lib/verifications/detail";

const PHOTO_KINDS = ["FACE_PHOTO", "DOCUMENT_FRONT", "DOCUMENT_BACK"] as const;

export function Recordings({ media, report }: { media: MediaDto[]; report: ReportPlayback | null }) {
  const t = useTranslations("review.recordings");
  const mediaLabel = useTranslations("review.media");
  // The shortcut table names its words by full key, under "keyboard" (sent to the browser).
  const tKey = useTranslations();
  const [active, setActive] = useState(0);
  const photos = PHOTO_KINDS.flatMap((kind) => {
    const asset = media.find((m) => m.kind === kind);
    return asset ? [{ kind, alt: mediaLabel(kind), asset }] : [];
  });
  const videos = media.filter((m) => m.kind === "VIDEO");
  const face = photos.find((p) => p.kind === "FACE_PHOTO");
  const front = photos.find((p) => p.kind === "DOCUMENT_FRONT");
  return (
    <div className="flex flex-col gap-4">
      {face && front ? (
        <PhotoCompare
          face={{ src: `/api/media/${face.asset.id}`, alt: face.alt }}
          front={{ src: `/api/media/${front.asset.id}`, alt: front.alt }}
        />
      ) : null}
      {photos.length ? (
        <div className="grid gap-3 md:grid-cols-3">
          {photos.map((p, i) => (
            <PhotoViewer
              key={p.kind}
              id={`media-${p.asset.id}`}
              src={`/api/media/${p.asset.id}`}
              alt={p.alt}
              active={active === i}
              onActivate={() => setActive(i)}
            />
          ))}
        </div>
      ) : null}
      {videos.map((v, i) => (
        <VideoPlayer
          key={v.id}
          mediaId={v.id}
          src={`/api/media/${v.id}`}
          label={t("video", { number: i + 1 })}
          report={report}
        />
      ))}
      <details className="text-xs text-muted">
        <summary className="cursor-pointer">{t("shortcuts")}</summary>
        <p className="mt-1">
          {(["photo", "video"] as const)
            .map(
              (scope) =>
                `${scope === "photo" ? t("photoScope") : t("videoScope")}: ${shortcutsIn(scope)
                  .map((s) => `${s.keys.join(" / ")} ${tKey(s.does)}`)
                  .join(", ")}.`,
            )
            .join(" ")}{" "}
          {t("everyShortcut")}
        </p>
      </details>
    </div>
  );
}
