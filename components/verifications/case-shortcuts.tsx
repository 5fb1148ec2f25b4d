"use client";

import { useShortcut } from "@/components/keyboard/use-shortcut";

const FIELD = "form :is(input:not([type=hidden]):not(:disabled), select, textarea, button:not(:disabled))";

/** The case page's own keys (lib/keyboard/shortcuts.ts): to the video, and to the decision form. */
export function CaseShortcuts() {
  useShortcut("video", () => {
    const video = document.querySelector<HTMLVideoElement>("video[data-case-video]");
    if (!video) return;
    video.scrollIntoView({ block: "center" });
    video.focus();
    if (video.paused) void video.play().catch(() => undefined);
    else video.pause();
  });
  useShortcut("decision", () => {
    const panel = document.getElementById("decision");
    if (!panel) return;
    panel.scrollIntoView({ block: "start" });
    // The form's first field (the chosen outcome, if any), else the panel itself, which says why there is none.
    const field =
      panel.querySelector<HTMLElement>("form input:checked") ??
      panel.querySelector<HTMLElement>(FIELD) ??
      panel;
    field.focus();
  });
  return null;
}
