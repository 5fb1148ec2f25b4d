import { currentIntlLocale, currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";

// The metrics page's numbers in the reader's language (lib/i18n/current.ts): "1,234" in English, "1.234" in
// German, "1 234" in Lithuanian. Server components only: the request's language is read where it renders.

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions = {}, key = "n") {
  const locale = currentIntlLocale();
  const id = `${key}|${locale}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(id, format);
  }
  return format;
}

export function formatNumber(n: number): string {
  return numberFormat().format(n);
}

const oneDecimal = (n: number) =>
  numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 }, "1dp").format(n);

/** A duration for people: seconds under two minutes, minutes under two hours, hours under two days, then days. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const t = translatorFor(currentLanguage());
  if (seconds < 120) return t("metrics.duration.seconds", { n: formatNumber(Math.round(seconds)) });
  const minutes = seconds / 60;
  if (minutes < 120) return t("metrics.duration.minutes", { n: formatNumber(Math.round(minutes)) });
  const hours = minutes / 60;
  if (hours < 48) return t("metrics.duration.hours", { n: oneDecimal(hours) });
  return t("metrics.duration.days", { n: oneDecimal(hours / 24) });
}

/** A round axis maximum at or above `max`, with `steps` even gridlines. */
export function niceMax(max: number, steps = 4): number {
  if (max <= 0) return steps;
  const raw = max / steps;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  return step * steps;
}

/** A part of a whole as a rounded percentage for people ("45%", "45 %"); a dash when there is no whole. */
export const percent = (part: number, whole: number) =>
  whole ? numberFormat({ style: "percent", maximumFractionDigits: 0 }, "%").format(part / whole) : "—";

/** The same share as a CSS length, whatever the reader's language. */
export const cssPercent = (part: number, whole: number) =>
  whole ? `${Math.round((part / whole) * 100)}%` : "0%";
