import { cache } from "react";
import { DEFAULT_LANGUAGE, INTL_LOCALE, type Language } from "@/lib/i18n/languages";

// The language of the request being rendered, in one per-request cell like the time zone (lib/time-zone.ts):
// filled by the session check and by next-intl's request config (lib/i18n/request.ts), read by the date and
// number formatting in lib/format.ts, which has no other way to know it. Outside a request: English.

const requestLanguage = cache((): { language: Language } => ({ language: DEFAULT_LANGUAGE }));

export function setRequestLanguage(language: Language): void {
  requestLanguage().language = language;
}

export function currentLanguage(): Language {
  return requestLanguage().language;
}

export function currentIntlLocale(): string {
  return INTL_LOCALE[currentLanguage()];
}
