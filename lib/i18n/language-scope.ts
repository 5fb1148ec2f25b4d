import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { LANGUAGE_SCOPE_KEY } from "@/lib/i18n/current";
import type { Language } from "@/lib/i18n/languages";
import { resolveLanguage } from "@/lib/i18n/negotiate";
import { processWide } from "@/lib/singleton";

// Server actions and route handlers run outside React's render, where the per-request cell of
// lib/i18n/current.ts keeps nothing: they run their work inside this scope instead, and currentLanguage()
// reads it first. Process-wide, because the app server's paths and Next's bundles load this module apart.

function scope(): AsyncLocalStorage<Language> {
  return processWide(LANGUAGE_SCOPE_KEY, () => new AsyncLocalStorage<Language>());
}

export function withLanguage<T>(language: Language, work: () => T): T {
  return scope().run(language, work);
}

/** The browser's Accept-Language; none outside a request (tests and scripts call actions directly). */
async function acceptLanguage(): Promise<string | null> {
  try {
    return (await headers()).get("accept-language");
  } catch {
    return null;
  }
}

/** The person's choice, else their browser's, else English. */
export async function languageOf(user: { language: Language | null } | null): Promise<Language> {
  return resolveLanguage(user?.language, await acceptLanguage());
}
