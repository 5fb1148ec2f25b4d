import { isEnumValue } from "@/lib/enum-values";
import { MediaKind } from "@/lib/generated/prisma/enums";

// A reviewer's visit reads every recording, and each read is audited (once per file per 10 minutes), so one
// visit used to add eight lines to the timeline. The timeline folds one person's reads of the case within a
// few minutes into one line; the audit log keeps every row. Pure, so that it is tested without a database.

/** What grouping needs of a timeline entry. */
export type GroupableEntry = {
  id: string;
  at: Date;
  action: string;
  /** Who did it, stable per person (staff id, or the label of a non-staff actor). */
  actorKey: string;
  details: Record<string, unknown>;
};

export type TimelineItem<E extends GroupableEntry> =
  { type: "entry"; entry: E } | { type: "reads"; id: string; entries: E[]; summary: string };

const READ_GROUP_WINDOW_MS = 5 * 60_000;

const READS = ["recording.viewed", "recording.downloaded", "recording.watched"] as const;
type ReadAction = (typeof READS)[number];
const isRead = (action: string): action is ReadAction => (READS as readonly string[]).includes(action);

const SHORT: Record<MediaKind, string> = {
  FACE_PHOTO: "face",
  DOCUMENT_FRONT: "front",
  DOCUMENT_BACK: "back",
  VIDEO: "video",
};
const ORDER = Object.keys(SHORT);

/**
 * Entries in the order given, with each run of one person's reads folded into one item: a read joins the
 * person's open group when it comes within `windowMs` of the group's first read and nothing but reads
 * happened in between (reads by others may interleave). A group of one stays a plain entry.
 */
export function groupTimeline<E extends GroupableEntry>(
  entries: readonly E[],
  windowMs = READ_GROUP_WINDOW_MS,
): TimelineItem<E>[] {
  const slots: (E | E[])[] = [];
  let open = new Map<string, E[]>();
  for (const entry of entries) {
    if (!isRead(entry.action)) {
      open = new Map();
      slots.push(entry);
      continue;
    }
    const group = open.get(entry.actorKey);
    if (group && entry.at.getTime() - group[0]!.at.getTime() <= windowMs) {
      group.push(entry);
      continue;
    }
    const fresh = [entry];
    open.set(entry.actorKey, fresh);
    slots.push(fresh);
  }
  return slots.map((slot) => {
    if (!Array.isArray(slot)) return { type: "entry", entry: slot };
    if (slot.length === 1) return { type: "entry", entry: slot[0]! };
    return { type: "reads", id: `reads-${slot[0]!.id}`, entries: slot, summary: summarizeReads(slot) };
  });
}

/** "Viewed face, front, back and video · downloaded video · played 85% of the video". */
export function summarizeReads(entries: readonly GroupableEntry[]): string {
  const viewed = kinds(entries, "recording.viewed");
  const downloaded = kinds(entries, "recording.downloaded");
  const shares = entries
    .filter((e) => e.action === "recording.watched" && typeof e.details.share === "number")
    .map((e) => e.details.share as number);
  const parts = [
    viewed.length ? `viewed ${list(viewed)}` : null,
    downloaded.length ? `downloaded ${list(downloaded)}` : null,
    shares.length ? `played ${Math.round(Math.max(...shares) * 100)}% of the video` : null,
  ].filter((p): p is string => p !== null);
  const text = parts.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kinds(entries: readonly GroupableEntry[], action: ReadAction): string[] {
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.action !== action) continue;
    seen.add(isEnumValue(MediaKind, e.details.kind) ? e.details.kind : "other");
  }
  return [...seen]
    .sort((a, b) => rank(a) - rank(b))
    .map((k) => (isEnumValue(MediaKind, k) ? SHORT[k] : "a file"));
}

const rank = (kind: string) => (ORDER.includes(kind) ? ORDER.indexOf(kind) : ORDER.length);

function list(words: string[]): string {
  if (words.length < 2) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
