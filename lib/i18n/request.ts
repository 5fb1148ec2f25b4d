import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/dal";
import { setRequestLanguage } from "@/lib/i18n/current";
import { MESSAGES } from "@/lib/i18n/messages";
import { resolveLanguage } from "@/lib/i18n/negotiate";
import { currentTimeZone } from "@/lib/time-zone";

// next-intl's per-request configuration (next.config.mjs points here). No language in the URL: the signed-in
// person's choice, else the browser's, else English. The session read is the DAL's cached one.
export default getRequestConfig(async () => {
  const user = await getSessionUser();
  const language = resolveLanguage(user?.language, (await headers()).get("accept-language"));
  setRequestLanguage(language);
  return { locale: language, messages: MESSAGES[language], timeZone: currentTimeZone() };
});
