"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { ClientLanguageSelect } from "@/components/verifications/client-language-select";
import type { FormAction } from "@/lib/actions/validated-action";
import type { Language } from "@/lib/i18n/languages";

type Props = { action: FormAction; language: Language };

/** The client's language a new verification starts with (the form and the API may name another). */
export function ClientLanguageForm({ action, language }: Props) {
  const t = useTranslations("clientLanguage.settings");
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <ClientLanguageSelect
        label={t("label")}
        name="defaultClientLanguage"
        defaultValue={sent?.defaultClientLanguage ?? language}
        errors={state.fieldErrors?.defaultClientLanguage}
      />
      <p className="text-xs text-muted">{t("hint")}</p>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
