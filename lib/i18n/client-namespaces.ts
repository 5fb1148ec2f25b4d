import type { Messages } from "next-intl";

/**
 * The message namespaces client components read (useTranslations in a "use client" file): only these travel to
 * the browser with every page. tests/i18n/messages.test.ts fails when a client component uses one not listed.
 */
export const CLIENT_NAMESPACES = ["common"] as const satisfies readonly (keyof Messages)[];

export function clientMessages(messages: Messages): Partial<Messages> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]])) as Partial<Messages>;
}
