"use client";

import { useState } from "react";
import { MEDIA_LABEL } from "@/components/review/media-labels";
import { PhotoCompare } from "@/components/review/photo-compare";
import { PhotoViewer } from "@/components/review/photo-viewer";
import type { ReportPlayback } from "@/components/review/use-playback-report";
import { VideoPlayer } from "@/components/review/video-player";
import { shortcutsIn } from "@/lib/keyboard/shortcuts";
import type { MediaDto } from "@/lib/verifications/detail";

const PHOTOS = (["FACE_PHOTO", "DOCUMENT_FRONT", "DOCUMENT_BACK"] as const).map((kind) => ({
  kind,
  alt: MEDIA_LABEL[kind],
}));

export function Recordings({ media, report }: { media: MediaDto[]; report: ReportPlayback | null }) {
  const [active, setActive] = useState(0);
  const photos = PHOTOS.flatMap((p) => {
    const asset = media.find((m) => m.kind === p.kind);
    return asset ? [{ ...p, asset }] : [];
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
          label={`Call recording ${i + 1}`}
          report={report}
        />
      ))}
      <details className="text-xs text-muted">
        <summary className="cursor-pointer">Keyboard shortcuts</summary>
        <p className="mt-1">
          {(["photo", "video"] as const)
            .map(
              (scope) =>
                `${scope === "photo" ? "Photos (focus one)" : "Video"}: ${shortcutsIn(scope)
                  .map((s) => `${s.keys.join(" / ")} ${s.does.toLowerCase()}`)
                  .join(", ")}.`,
            )
            .join(" ")}{" "}
          Press ? for every shortcut.
        </p>
      </details>
    </div>
  );
}
