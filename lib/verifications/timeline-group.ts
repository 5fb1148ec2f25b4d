import { isEnumValue } from "@/lib/enum-values";
import { MediaKind } from "@/lib/generated/prisma/enums";
import { currentLanguage } from "@/lib/i18n/current";
import { INTL_LOCALE, type Language } from "@/lib/i18n/languages";
import { translatorFor, type Translator } from "@/lib/i18n/messages";

// A reviewer's visit reads every recording, and each read is audited (once per file per 10 minutes), so one
// visit used to add eight lines to the timeline. The timeline folds one person's reads of the case within a
// few minutes into one line; the audit log keeps every row. Pure, so that it is tested without a database;
// the summary is in the reader's language.

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

const ORDER: string[] = Object.values(MediaKind);

/**
 * Entries in the order given, with each run of one person's reads folded into one item: a read joins the
 * person's open group when it comes within `windowMs` of the group's first read and nothing but reads
 * happened in between (reads by others may interleave). A group of one stays a plain entry.
 */
export function groupTimeline<E extends GroupableEntry>(
  entries: readonly E[],
  windowMs = READ_GROUP_WINDOW_MS,
  language: Language = currentLanguage(),
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
    return {
      type: "reads",
      id: `reads-${slot[0]!.id}`,
      entries: slot,
      summary: summarizeReads(slot, language),
    };
  });
}

/** "Viewed face, front, back and video · downloaded video · played 85% of the video". */
export function summarizeReads(
  entries: readonly GroupableEntry[],
  language: Language = currentLanguage(),
): string {
  const t = translatorFor(language);
  const list = (words: string[]) =>
    new Intl.ListFormat(INTL_LOCALE[language], { type: "conjunction" }).format(words);
  const viewed = kinds(entries, "recording.viewed", t);
  const downloaded = kinds(entries, "recording.downloaded", t);
  const shares = entries
    .filter((e) => e.action === "recording.watched" && typeof e.details.share === "number")
    .map((e) => e.details.share as number);
  const parts = [
    viewed.length ? t("verifications.reads.viewed", { list: list(viewed) }) : null,
    downloaded.length ? t("verifications.reads.downloaded", { list: list(downloaded) }) : null,
    shares.length
      ? t("verifications.reads.played", { percent: Math.round(Math.max(...shares) * 100) })
      : null,
  ].filter((p): p is string => p !== null);
  const text = parts.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kinds(entries: readonly GroupableEntry[], action: ReadAction, t: Translator): string[] {
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.action !== action) continue;
    seen.add(isEnumValue(MediaKind, e.details.kind) ? e.details.kind : "other");
  }
  return [...seen]
    .sort((a, b) => rank(a) - rank(b))
    .map((k) => t(`verifications.reads.kind.${isEnumValue(MediaKind, k) ? k : "other"}`));
}

const rank = (kind: string) => (ORDER.includes(kind) ? ORDER.indexOf(kind) : ORDER.length);
