// Every keyboard shortcut of the back office, in one table: the `?` help lists it, and the components that
// answer a key take it from here. Page-wide keys never fire while typing in a field (components/keyboard).

/** Where a key works: on every page, on one page, or while a photo or the video player has the focus. */
export const SHORTCUT_SCOPES = {
  global: "Every page",
  case: "Case page",
  "my-work": "My work",
  photo: "A focused photo",
  video: "The focused video player",
} as const;
export type ShortcutScope = keyof typeof SHORTCUT_SCOPES;

export const SHORTCUTS = {
  help: { keys: ["?"], scope: "global", does: "Show this list of shortcuts" },
  comparePhotos: {
    keys: ["c"],
    scope: "case",
    does: "Compare the face photo and the document front side by side, enlarged",
  },
  video: { keys: ["v"], scope: "case", does: "Go to the call recording and play or pause it" },
  decision: { keys: ["d"], scope: "case", does: "Go to the decision form" },
  nextCase: { keys: ["j"], scope: "my-work", does: "Move to the next case" },
  previousCase: { keys: ["k"], scope: "my-work", does: "Move to the previous case" },
  openCase: { keys: ["Enter"], scope: "my-work", does: "Open the selected case" },
  photoZoom: { keys: ["+", "-"], scope: "photo", does: "Zoom in or out" },
  photoRotate: { keys: ["r"], scope: "photo", does: "Rotate" },
  photoPan: { keys: ["←", "→", "↑", "↓"], scope: "photo", does: "Pan" },
  photoReset: { keys: ["0"], scope: "photo", does: "Reset zoom, rotation and pan" },
  videoPlay: { keys: ["k"], scope: "video", does: "Play or pause" },
  videoSeek: { keys: ["j", "l"], scope: "video", does: "Back or forward 5 seconds" },
  videoFrame: { keys: [",", "."], scope: "video", does: "One frame back or forward" },
  videoSpeed: { keys: ["[", "]"], scope: "video", does: "Slower or faster" },
} as const satisfies Record<string, { keys: readonly string[]; scope: ShortcutScope; does: string }>;
export type ShortcutId = keyof typeof SHORTCUTS;

/** The shortcuts of one scope, in the table's order. */
export function shortcutsIn(scope: ShortcutScope) {
  return Object.values(SHORTCUTS).filter((s) => s.scope === scope);
}
