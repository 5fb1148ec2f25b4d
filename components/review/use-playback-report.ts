"use client";

import { useEffect, type RefObject } from "react";
import type { ActionState } from "@/lib/actions/validated-action";

/** The server action that records a recording's played ranges, bound to the verification. */
export type ReportPlayback = (mediaId: string, state: ActionState, form: FormData) => Promise<ActionState>;

/** While playing, the played ranges are reported this often; pausing, ending or leaving reports at once. */
const REPORT_EVERY_MS = 10_000;

// Milliseconds are precision enough, and keep a report short.
const ms = (seconds: number) => Math.round(seconds * 1000) / 1000;

function playedRanges(v: HTMLVideoElement): Array<[number, number]> {
  const { played } = v;
  return Array.from({ length: played.length }, (_, i) => [ms(played.start(i)), ms(played.end(i))]);
}

/**
 * Reports which parts of the video this player has played (the media element's own `played` ranges), so
 * that the server can tell how much of the call the decider watched. Reports only what changed since the
 * last one; the server merges them with earlier reports.
 */
export function usePlaybackReport(
  mediaId: string,
  video: RefObject<HTMLVideoElement | null>,
  report: ReportPlayback | null,
) {
  useEffect(() => {
    const v = video.current;
    if (!v || !report) return;
    let last = "";
    const send = () => {
      if (!Number.isFinite(v.duration) || v.duration <= 0 || !v.played.length) return;
      const ranges = JSON.stringify(playedRanges(v));
      if (ranges === last) return;
      last = ranges;
      const form = new FormData();
      form.set("durationSeconds", String(v.duration));
      form.set("ranges", ranges);
      // A lost report is sent again with the next one: played ranges only grow while the page is open.
      report(mediaId, {}, form).catch(() => (last = ""));
    };
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => clearInterval(timer);
    const onPlay = () => {
      stop();
      timer = setInterval(send, REPORT_EVERY_MS);
    };
    const onStop = () => {
      stop();
      send();
    };
    const listeners = [
      [v, "play", onPlay],
      [v, "pause", onStop],
      [v, "ended", onStop],
      [window, "pagehide", send],
    ] as const;
    for (const [target, type, fn] of listeners) target.addEventListener(type, fn);
    return () => {
      stop();
      send();
      for (const [target, type, fn] of listeners) target.removeEventListener(type, fn);
    };
  }, [mediaId, video, report]);
}
