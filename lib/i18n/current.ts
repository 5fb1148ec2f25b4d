import { cache } from "react";
import { DEFAULT_LANGUAGE, INTL_LOCALE, type Language } from "@/lib/i18n/languages";
import { peekProcessWide } from "@/lib/singleton";

// The language of the request being rendered, in one per-request cell like the time zone (lib/time-zone.ts):
// filled by the session check and by next-intl's request config (lib/i18n/request.ts), read by the date and
// number formatting in lib/format.ts, which has no other way to know it. Server actions and route handlers run
// outside React's render, where the cell keeps nothing: they run inside lib/i18n/language-scope.ts's scope,
// read first. Outside both: English.

const requestLanguage = cache((): { language: Language } => ({ language: DEFAULT_LANGUAGE }));

export function setRequestLanguage(language: Language): void {
  requestLanguage().language = language;
}

/** Where lib/i18n/language-scope.ts keeps the language of a server action or route handler being run. */
export const LANGUAGE_SCOPE_KEY = "i18n.language-scope";

export function currentLanguage(): Language {
  const scoped = peekProcessWide<{ getStore(): Language | undefined }>(LANGUAGE_SCOPE_KEY)?.getStore();
  return scoped ?? requestLanguage().language;
}

export function currentIntlLocale(): string {
  return INTL_LOCALE[currentLanguage()];
}
