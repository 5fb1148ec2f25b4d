"use client";

import { useEffect, useRef } from "react";
import { SHORTCUTS, type ShortcutId } from "@/lib/keyboard/shortcuts";

/**
 * Whether a key press belongs to what the person is typing or to a control that uses keys itself: a text
 * field, a list box, an editable region, an open dialog, or a widget that already handled it (the photo
 * viewer and the video player prevent the default of their own keys). Page-wide shortcuts leave those alone.
 */
function typingInto(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return true;
  const target = e.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return !!target.closest("input, textarea, select, [role='dialog']");
}

/** Runs `act` when one of the shortcut's keys is pressed anywhere on the page, unless typing (above). */
export function useShortcut(id: ShortcutId, act: () => void, enabled = true): void {
  const handler = useRef(act);
  useEffect(() => {
    handler.current = act;
  }, [act]);
  useEffect(() => {
    if (!enabled) return;
    const keys: readonly string[] = SHORTCUTS[id].keys;
    const onKey = (e: KeyboardEvent) => {
      if (!keys.includes(e.key) || typingInto(e)) return;
      e.preventDefault();
      handler.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [id, enabled]);
}
