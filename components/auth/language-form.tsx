"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import type { FormAction } from "@/lib/actions/validated-action";
import { BROWSER_LANGUAGE } from "@/lib/account/language-choice";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "@/lib/i18n/languages";

type Props = { action: FormAction; chosen: Language | null };

/** The person's own language for the back office; each language is named in itself, to be found by anyone. */
export function LanguageForm({ action, chosen }: Props) {
  const t = useTranslations("account.language");
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values?.language;
  const current = sent ?? chosen ?? BROWSER_LANGUAGE;
  const options = [
    { value: BROWSER_LANGUAGE, label: t("browser") },
    ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l })),
  ];
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <SelectField
        key={current}
        label={t("label")}
        name="language"
        options={options}
        defaultValue={current}
        errors={state.fieldErrors?.language}
      />
      <p className="text-xs text-muted">{t("hint")}</p>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
