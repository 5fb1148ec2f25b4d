import { messageKey } from "@/lib/i18n/keys";

// Every keyboard shortcut of the back office, in one table: the `?` help lists it, and the components that
// answer a key take it from here. Page-wide keys never fire while typing in a field (components/keyboard).
// What a key does is a message key under "keyboard": the browser translates it (a client namespace).

/** Where a key works: on every page, on one page, or while a photo or the video player has the focus. */
export const SHORTCUT_SCOPES = {
  global: messageKey("keyboard.scopes.global"),
  case: messageKey("keyboard.scopes.case"),
  "my-work": messageKey("keyboard.scopes.myWork"),
  photo: messageKey("keyboard.scopes.photo"),
  video: messageKey("keyboard.scopes.video"),
} as const;
export type ShortcutScope = keyof typeof SHORTCUT_SCOPES;

export const SHORTCUTS = {
  help: { keys: ["?"], scope: "global", does: messageKey("keyboard.does.help") },
  comparePhotos: { keys: ["c"], scope: "case", does: messageKey("keyboard.does.comparePhotos") },
  video: { keys: ["v"], scope: "case", does: messageKey("keyboard.does.video") },
  decision: { keys: ["d"], scope: "case", does: messageKey("keyboard.does.decision") },
  nextCase: { keys: ["j"], scope: "my-work", does: messageKey("keyboard.does.nextCase") },
  previousCase: { keys: ["k"], scope: "my-work", does: messageKey("keyboard.does.previousCase") },
  openCase: { keys: ["Enter"], scope: "my-work", does: messageKey("keyboard.does.openCase") },
  photoZoom: { keys: ["+", "-"], scope: "photo", does: messageKey("keyboard.does.photoZoom") },
  photoRotate: { keys: ["r"], scope: "photo", does: messageKey("keyboard.does.photoRotate") },
  photoPan: { keys: ["←", "→", "↑", "↓"], scope: "photo", does: messageKey("keyboard.does.photoPan") },
  photoReset: { keys: ["0"], scope: "photo", does: messageKey("keyboard.does.photoReset") },
  videoPlay: { keys: ["k"], scope: "video", does: messageKey("keyboard.does.videoPlay") },
  videoSeek: { keys: ["j", "l"], scope: "video", does: messageKey("keyboard.does.videoSeek") },
  videoFrame: { keys: [",", "."], scope: "video", does: messageKey("keyboard.does.videoFrame") },
  videoSpeed: { keys: ["[", "]"], scope: "video", does: messageKey("keyboard.does.videoSpeed") },
} as const satisfies Record<string, { keys: readonly string[]; scope: ShortcutScope; does: string }>;
export type ShortcutId = keyof typeof SHORTCUTS;

/** The shortcuts of one scope, in the table's order. */
export function shortcutsIn(scope: ShortcutScope) {
  return Object.values(SHORTCUTS).filter((s) => s.scope === scope);
}
