"use client";

import { useState } from "react";
import { MEDIA_LABEL } from "@/components/review/media-labels";
import { PhotoViewer } from "@/components/review/photo-viewer";
import type { ReportPlayback } from "@/components/review/use-playback-report";
import { VideoPlayer } from "@/components/review/video-player";
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
  return (
    <div className="flex flex-col gap-4">
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
          Photos (focus one): + / − zoom, R rotate, arrows pan, 0 reset. Video: K play or pause, J / L back or
          forward 5 s, comma / full stop one frame, [ / ] slower or faster.
        </p>
      </details>
    </div>
  );
}
