import { currentIntlLocale } from "@/lib/i18n/current";
import { INTL_LOCALE, type Language } from "@/lib/i18n/languages";
import { currentTimeZone } from "@/lib/time-zone";

const formats = new Map<string, Intl.DateTimeFormat>();
/** Formats are costly to build: one per kind, zone and the request's language (lib/i18n/current.ts). */
function formatIn(
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
  key: string,
  locale = currentIntlLocale(),
) {
  const id = `${key}|${timeZone}|${locale}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(id, format);
  }
  return format;
}

/**
 * A moment as staff read it: in the request's time zone (lib/time-zone.ts), "UTC" named when that is the
 * zone. `<LocalTime>` adds the UTC offset on hover.
 */
export function formatDateTime(date: Date, timeZone = currentTimeZone(), locale?: string): string {
  const text = formatIn(timeZone, { dateStyle: "medium", timeStyle: "short" }, "dt", locale).format(date);
  return timeZone === "UTC" ? `${text} UTC` : text;
}

/** For emails and anything read outside the app: always UTC, and says so; in the reader's language if given. */
export function formatUtcDateTime(date: Date, language?: Language): string {
  return formatDateTime(date, "UTC", language ? INTL_LOCALE[language] : undefined);
}

/** "UTC+01:00 (Europe/Berlin)": the offset of the zone at that moment. */
export function describeOffset(date: Date, timeZone = currentTimeZone()): string {
  // Every list row asks, and formatToParts is slow. Zones change offset only on a quarter hour (UTC), so one
  // answer per zone and quarter hour is exact.
  const id = `${timeZone}|${Math.floor(date.getTime() / QUARTER_HOUR_MS)}`;
  let described = offsets.get(id);
  if (described === undefined) {
    const name = formatIn(timeZone, { timeZoneName: "longOffset" }, "off", "en-GB")
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value;
    const offset = !name || name === "GMT" ? "UTC+00:00" : name.replace("GMT", "UTC");
    described = timeZone === "UTC" ? offset : `${offset} (${timeZone})`;
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(id, described);
  }
  return described;
}

/** A moment as components/ui/local-time.tsx shows it: the local time, and the offset with the exact UTC instant. */
export type Moment = { iso: string; title: string; text: string };

export function describeMoment(date: Date, timeZone = currentTimeZone()): Moment {
  const iso = date.toISOString();
  return { iso, title: `${describeOffset(date, timeZone)} · ${iso}`, text: formatDateTime(date, timeZone) };
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsets = new Map<string, string>();

/** The clock time alone, "21:42", in the request's zone. */
export function formatTime(date: Date, timeZone = currentTimeZone()): string {
  return formatIn(timeZone, { timeStyle: "short" }, "t").format(date);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Text made safe to put in HTML, between tags or inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** A moment of a recording as a player shows it: 01:23, or 1:02:03 past an hour. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, "0");
  const hours = Math.floor(s / 3600);
  const rest = `${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return hours ? `${hours}:${rest}` : rest;
}
