"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { publishTime, useSeekRequests } from "@/components/review/player-bridge";
import { usePlaybackReport, type ReportPlayback } from "@/components/review/use-playback-report";

const SPEEDS = [0.25, 0.5, 1, 1.5, 2];
const FRAME = 1 / 30;

type Props = { mediaId: string; src: string; label: string; report: ReportPlayback | null };

/** The call recording with seeking, playback speed and frame stepping, all reachable by keyboard. */
export function VideoPlayer({ mediaId, src, label, report }: Props) {
  const t = useTranslations("review.video");
  const video = useRef<HTMLVideoElement>(null);
  const [speed, setSpeed] = useState(1);
  // The checklist marks moments at the player's current second and seeks it back there.
  useSeekRequests(mediaId, video);
  // What was played counts towards watching the call, when the rulebook requires it.
  usePlaybackReport(mediaId, video, report);

  const setRate = (rate: number) => {
    setSpeed(rate);
    if (video.current) video.current.playbackRate = rate;
  };
  const step = (frames: number) => {
    const v = video.current;
    if (!v) return;
    v.pause();
    v.currentTime = Math.max(0, Math.min(v.duration || Infinity, v.currentTime + frames * FRAME));
  };
  const changeSpeed = (direction: 1 | -1) => {
    const index = SPEEDS.indexOf(speed) + direction;
    const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, index))];
    if (next) setRate(next);
  };

  function onKeyDown(e: React.KeyboardEvent) {
    const v = video.current;
    if (!v) return;
    const actions: Record<string, () => void> = {
      k: () => (v.paused ? void v.play() : v.pause()),
      ",": () => step(-1),
      ".": () => step(1),
      "[": () => changeSpeed(-1),
      "]": () => changeSpeed(1),
      j: () => (v.currentTime = Math.max(0, v.currentTime - 5)),
      l: () => (v.currentTime = v.currentTime + 5),
    };
    const act = actions[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  }

  const button = "rounded-md border border-border px-2 py-1 text-xs hover:bg-raised";
  return (
    <div className="flex flex-col gap-2" onKeyDown={onKeyDown}>
      <video
        ref={video}
        src={src}
        controls
        preload="metadata"
        aria-label={label}
        data-case-video
        onTimeUpdate={(e) => publishTime(mediaId, e.currentTarget.currentTime)}
        onSeeked={(e) => publishTime(mediaId, e.currentTarget.currentTime)}
        className="w-full rounded-md bg-black"
      >
        <track kind="captions" />
      </video>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button type="button" className={button} onClick={() => step(-1)} aria-label={t("previousFrame")}>
          {t("frameBack")}
        </button>
        <button type="button" className={button} onClick={() => step(1)} aria-label={t("nextFrame")}>
          {t("frameForward")}
        </button>
        <label className="flex items-center gap-1">
          {t("speed")}
          <select
            value={speed}
            onChange={(e) => setRate(Number(e.target.value))}
            className="rounded-md border border-border bg-surface px-2 py-1"
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <a className={`${button} inline-flex items-center gap-1`} href={`${src}?download=1`}>
          <Download className="size-3" aria-hidden /> {t("download")}
        </a>
      </div>
    </div>
  );
}
