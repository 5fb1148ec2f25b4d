import { z } from "zod";
import type { Language } from "@/lib/i18n/languages";
import { isMessageKey, type Translator } from "@/lib/i18n/messages";

const ZOD_LOCALES = { en: z.locales.en, de: z.locales.de, lt: z.locales.lt } satisfies Record<
  Language,
  unknown
>;

/** zod's own messages (a field of the wrong type, say) in the person's language; ours are message keys. */
export function zodErrorMap(language: Language) {
  return ZOD_LOCALES[language]().localeError;
}

/** lib/ speaks in message keys (lib/i18n/messages.ts messageKey); zod's own messages arrive translated. */
export function translateMessage(
  t: Translator,
  text: string,
  values?: Record<string, string | number>,
): string {
  return isMessageKey(text) ? t(text, values) : text;
}

export function translateFieldErrors(
  t: Translator,
  fieldErrors: Record<string, string[] | undefined> | undefined,
): Record<string, string[] | undefined> | undefined {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [
      field,
      messages?.map((m) => translateMessage(t, m)),
    ]),
  );
}
