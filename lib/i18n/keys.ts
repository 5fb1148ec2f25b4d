import type { MessageKeys, Messages, NestedKeyOf } from "use-intl/core";

// Message keys without the messages: lib/ code that client components import (shortcuts, rules, schemas) names
// its keys through this file, so the browser never downloads the three message files with it.

/** A full message key, "verifications.form.clientIdRequired": what lib/ hands over for the page to translate. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/**
 * Marks a full message key where lib/ names a message it does not render itself (a zod refinement, a domain
 * error): typed, so a key missing from messages/en.json fails the type check, and found by the unused-key test.
 */
export function messageKey<K extends MessageKey>(key: K): K {
  return key;
}
