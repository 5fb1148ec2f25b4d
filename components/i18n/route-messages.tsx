import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { clientMessages, type ClientRoute } from "@/lib/i18n/client-namespaces";

/**
 * Gives one page's client components their messages: the shell's, which app/layout.tsx sends with every page,
 * and this route's own (lib/i18n/client-namespaces.ts). A nested provider replaces the outer one's messages
 * for what it wraps, so it carries the shell's too.
 */
export async function RouteMessages({ route, children }: { route: ClientRoute; children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={clientMessages(messages, route) as typeof messages}>
      {children}
    </NextIntlClientProvider>
  );
}
