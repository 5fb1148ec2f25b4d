import { getTranslations } from "next-intl/server";
import { ClientLanguageForm } from "@/components/settings/client-language-form";
import type { Language } from "@/lib/i18n/languages";
import { updateDefaultClientLanguage } from "@/lib/settings/client-language-actions";

/** The settings page's section for the client's language: the page itself only places it. */
export async function ClientLanguageSection({ language }: { language: Language }) {
  const t = await getTranslations("clientLanguage.settings");
  return (
    <section aria-labelledby="client-language" className="flex flex-col gap-3">
      <h2 id="client-language" className="font-semibold">
        {t("heading")}
      </h2>
      <ClientLanguageForm action={updateDefaultClientLanguage} language={language} />
    </section>
  );
}
