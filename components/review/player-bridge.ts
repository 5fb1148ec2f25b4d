"use client";

import { useEffect, useSyncExternalStore, type RefObject } from "react";

// How the checklist talks to the video players without sharing a tree: each player publishes its current
// second and listens for seek requests, both as window events keyed by the recording's id. A mark anywhere
// on the page (checklist, decision history) can then seek the one player it names.
const TIME = "markid:video-time";
const SEEK = "markid:video-seek";

type Detail = { mediaId: string; seconds: number };
const times = new Map<string, number>();

export function publishTime(mediaId: string, seconds: number) {
  const whole = Math.floor(seconds);
  if (times.get(mediaId) === whole) return;
  times.set(mediaId, whole);
  window.dispatchEvent(new CustomEvent<Detail>(TIME, { detail: { mediaId, seconds: whole } }));
}

const subscribe = (notify: () => void) => {
  window.addEventListener(TIME, notify);
  return () => window.removeEventListener(TIME, notify);
};

/** The whole second a player shows now; 0 before it has played. */
export function useVideoTime(mediaId: string): number {
  return useSyncExternalStore(
    subscribe,
    () => times.get(mediaId) ?? 0,
    () => 0,
  );
}

export function seekVideo(mediaId: string, seconds: number) {
  window.dispatchEvent(new CustomEvent<Detail>(SEEK, { detail: { mediaId, seconds } }));
}

/** For the player: moves to a requested second and brings itself into view, paused there. */
export function useSeekRequests(mediaId: string, video: RefObject<HTMLVideoElement | null>) {
  useEffect(() => {
    const onSeek = (e: Event) => {
      const { detail } = e as CustomEvent<Detail>;
      const v = video.current;
      if (!v || detail.mediaId !== mediaId) return;
      v.pause();
      v.currentTime = detail.seconds;
      v.scrollIntoView({ block: "center" });
      v.focus();
    };
    window.addEventListener(SEEK, onSeek);
    return () => window.removeEventListener(SEEK, onSeek);
  }, [mediaId, video]);
}
