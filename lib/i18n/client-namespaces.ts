import type { Messages, NamespaceKeys, NestedKeyOf } from "use-intl/core";

/**
 * The message namespaces client components read (useTranslations in a "use client" file), top-level or nested
 * ("decisions.dialog"): only these travel to the browser with every page, so keep them to what the browser
 * renders. tests/i18n/messages.test.ts fails when a client component opens one that is not covered here.
 */
export const CLIENT_NAMESPACES = [
  "common",
  "verifications.form",
  "verifications.filters",
  "clientLanguage.settings",
] as const satisfies readonly NamespaceKeys<Messages, NestedKeyOf<Messages>>[];

function at(messages: object, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
}

function put(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  const last = parts.pop()!;
  let node = target;
  for (const part of parts) node = (node[part] ??= {}) as Record<string, unknown>;
  node[last] = value;
}

/** The listed namespaces of one language's messages, nested as they are in the file. */
export function clientMessages(messages: Messages): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const path of CLIENT_NAMESPACES) put(picked, path, at(messages, path));
  return picked;
}
