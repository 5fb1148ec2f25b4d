import de from "@/messages/de.json";
import en from "@/messages/en.json";
import lt from "@/messages/lt.json";
// use-intl is next-intl's core, without its Next.js parts: the app server's fast paths and jobs run outside Next.
import { createTranslator } from "use-intl/core";
import type { MessageKey } from "@/lib/i18n/keys";
import type { Language } from "@/lib/i18n/languages";

// One file per language under messages/. German and Lithuanian must hold every English key (checked here by
// the type, and with the ICU arguments and unused keys by tests/i18n/messages.test.ts).
export const MESSAGES = { en, de, lt } satisfies Record<Language, typeof en>;

export function isMessageKey(text: string): text is MessageKey {
  let node: unknown = MESSAGES.en;
  for (const part of text.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/**
 * Messages outside a page's render (emails, the client's link pages, jobs, exports): in the language asked for,
 * not the request's.
 */
export function translatorFor(language: Language) {
  // As English's type: the union of the three files' types would leave a message's ICU arguments untyped.
  return createTranslator({ locale: language, messages: MESSAGES[language] as typeof en });
}

export type Translator = ReturnType<typeof translatorFor>;
