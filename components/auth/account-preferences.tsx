import { getTranslations } from "next-intl/server";
import { LanguageForm } from "@/components/auth/language-form";
import { TimeZoneForm } from "@/components/auth/time-zone-form";
import { setLanguage } from "@/lib/account/language-actions";
import { setTimeZone } from "@/lib/account/time-zone-actions";
import type { Language } from "@/lib/i18n/languages";

/** How the back office reads to this person: the language it speaks and the zone its dates are in. */
export async function AccountPreferences({
  language,
  timeZone,
}: {
  language: Language | null;
  timeZone: string | null;
}) {
  const t = await getTranslations("account");
  return (
    <>
      <section aria-labelledby="language-heading" className="mt-6 border-t border-border pt-6">
        <h2 id="language-heading" className="mb-3 font-semibold">
          {t("language.heading")}
        </h2>
        <LanguageForm action={setLanguage} chosen={language} />
      </section>
      <section aria-labelledby="time-zone-heading" className="mt-6 border-t border-border pt-6">
        <h2 id="time-zone-heading" className="mb-3 font-semibold">
          {t("timeZone.heading")}
        </h2>
        <TimeZoneForm action={setTimeZone} chosen={timeZone} zones={Intl.supportedValuesOf("timeZone")} />
      </section>
    </>
  );
}
