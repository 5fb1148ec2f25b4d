"use client";

import { useEffect, useRef } from "react";

/**
 * Asks our own JSON route every few seconds while the tab is visible and hands each answer on: how pages
 * follow changes made elsewhere (a webhook, a colleague) without a reload. A failed request is skipped.
 */
export function usePoll<T>(url: string, onValue: (body: T) => void, intervalMs = 3000): void {
  const handler = useRef(onValue);
  useEffect(() => {
    handler.current = onValue;
  }, [onValue]);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      if (stopped || document.hidden) return;
      try {
        const res = await fetch(url, { cache: "no-store" });
        if (!res.ok || stopped) return;
        handler.current((await res.json()) as T);
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    const timer = setInterval(tick, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [url, intervalMs]);
}
