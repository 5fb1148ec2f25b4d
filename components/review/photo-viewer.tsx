"use client";

import { Download, RotateCw, ZoomIn, ZoomOut, Maximize } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

// `id` is the anchor a checklist mark on this photo links to.
type Props = { id?: string; src: string; alt: string; active: boolean; onActivate: () => void };

const STEP = 0.25;

/** One photo with zoom, pan (drag), rotation and download; keyboard keys act on the active photo. */
export function PhotoViewer({ id, src, alt, active, onActivate }: Props) {
  const t = useTranslations("review.photo");
  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState(0);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number } | null>(null);

  const zoomBy = (delta: number) => setZoom((z) => Math.min(6, Math.max(1, z + delta)));
  const reset = () => {
    setZoom(1);
    setRotation(0);
    setOffset({ x: 0, y: 0 });
  };

  function onKeyDown(e: React.KeyboardEvent) {
    const actions: Record<string, () => void> = {
      "+": () => zoomBy(STEP),
      "=": () => zoomBy(STEP),
      "-": () => zoomBy(-STEP),
      r: () => setRotation((r) => (r + 90) % 360),
      "0": reset,
      ArrowLeft: () => setOffset((o) => ({ ...o, x: o.x + 20 })),
      ArrowRight: () => setOffset((o) => ({ ...o, x: o.x - 20 })),
      ArrowUp: () => setOffset((o) => ({ ...o, y: o.y + 20 })),
      ArrowDown: () => setOffset((o) => ({ ...o, y: o.y - 20 })),
    };
    const act = actions[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  }

  const button = "rounded-md p-1.5 text-muted hover:bg-raised hover:text-ink";
  return (
    <figure
      id={id}
      className={`flex flex-col gap-2 rounded-card border bg-surface p-2 ${active ? "border-accent" : "border-border"}`}
      onFocus={onActivate}
    >
      <div
        tabIndex={0}
        role="group"
        aria-label={t("controls", { photo: alt })}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          drag.current = { x: e.clientX - offset.x, y: e.clientY - offset.y };
          (e.target as HTMLElement).setPointerCapture?.(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (drag.current && zoom > 1)
            setOffset({ x: e.clientX - drag.current.x, y: e.clientY - drag.current.y });
        }}
        onPointerUp={() => (drag.current = null)}
        onWheel={(e) => zoomBy(e.deltaY < 0 ? STEP : -STEP)}
        className="relative aspect-[4/3] cursor-grab touch-none overflow-hidden rounded-md bg-raised"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- served by our authenticated media route */}
        <img
          src={src}
          alt={alt}
          draggable={false}
          className="absolute inset-0 h-full w-full object-contain transition-transform"
          style={{
            transform: `translate(${offset.x}px, ${offset.y}px) scale(${zoom}) rotate(${rotation}deg)`,
          }}
        />
      </div>
      <figcaption className="flex items-center justify-between text-sm">
        <span className="font-medium">{alt}</span>
        <span className="flex gap-1">
          <button
            type="button"
            className={button}
            onClick={() => zoomBy(STEP)}
            aria-label={t("zoomIn", { photo: alt })}
          >
            <ZoomIn className="size-4" aria-hidden />
          </button>
          <button
            type="button"
            className={button}
            onClick={() => zoomBy(-STEP)}
            aria-label={t("zoomOut", { photo: alt })}
          >
            <ZoomOut className="size-4" aria-hidden />
          </button>
          <button
            type="button"
            className={button}
            onClick={() => setRotation((r) => (r + 90) % 360)}
            aria-label={t("rotate", { photo: alt })}
          >
            <RotateCw className="size-4" aria-hidden />
          </button>
          <button type="button" className={button} onClick={reset} aria-label={t("reset", { photo: alt })}>
            <Maximize className="size-4" aria-hidden />
          </button>
          <a className={button} href={`${src}?download=1`} aria-label={t("download", { photo: alt })}>
            <Download className="size-4" aria-hidden />
          </a>
        </span>
      </figcaption>
    </figure>
  );
}
