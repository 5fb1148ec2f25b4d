import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import { type MessageKey } from "@/lib/i18n/keys";

type Values = Record<string, string | number>;

/**
 * A message with ICU arguments, in the request's language (English outside a request). validatedAction
 * translates a bare key itself, but without arguments: a message that names a number or a value is said here.
 */
export function inLanguage(key: MessageKey, values: Values): string {
  return translatorFor(currentLanguage())(key, values);
}

/** The same as a zod message: worked out when the value is checked, so in the language of that request. */
export function errorWithValues(key: MessageKey, values: Values) {
  return { error: () => inLanguage(key, values) };
}
