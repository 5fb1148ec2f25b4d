import { Language } from "@/lib/generated/prisma/enums";
import { isEnumValue } from "@/lib/enum-values";

// The back office's languages come from the Prisma enum alone. Their codes are MarkID's `locale` values as well
// (MarkID lists lt, en, de among others), so a client's language is sent to the token unchanged.

export { Language };

export const LANGUAGES = Object.values(Language);

export const DEFAULT_LANGUAGE: Language = Language.en;

/** Each language named in itself, as a language menu shows it whatever the page's own language. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  de: "Deutsch",
  lt: "Lietuvių",
};

/**
 * The Intl locale dates and numbers are formatted in: British English keeps day-month order and the 24-hour
 * clock the bank's staff in the EU read, like the German and Lithuanian forms.
 */
export const INTL_LOCALE: Record<Language, string> = {
  en: "en-GB",
  de: "de-DE",
  lt: "lt-LT",
};

export function isLanguage(value: unknown): value is Language {
  return isEnumValue(Language, value);
}

/** The language MarkID's token gets for a client: the same code (API.md §2.1 `locale`). */
export function markidLocale(language: Language): string {
  return language;
}
