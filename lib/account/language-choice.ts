import { isLanguage, type Language } from "@/lib/i18n/languages";

/** The form's value for "follow the browser": stored as null, like the time zone's "browser". */
export const BROWSER_LANGUAGE = "browser";

/** What the language form sent, as stored: a language, or null to follow the browser; undefined: not one. */
export function chosenLanguage(value: string): Language | null | undefined {
  if (value === BROWSER_LANGUAGE) return null;
  return isLanguage(value) ? value : undefined;
}
