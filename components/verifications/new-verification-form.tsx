"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { ClientLanguageSelect } from "@/components/verifications/client-language-select";
import type { FormAction } from "@/lib/actions/validated-action";
import type { Language } from "@/lib/i18n/languages";

type Props = { action: FormAction; defaultLanguage: Language };

export function NewVerificationForm({ action, defaultLanguage }: Props) {
  const t = useTranslations("verifications.form");
  const [state, formAction, pending] = useActionState(action, {});
  const [useExisting, setUseExisting] = useState(Boolean(state.values?.existingScanRef));
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <Field
        label={t("clientId")}
        name="clientId"
        required
        defaultValue={v.clientId}
        errors={errors.clientId}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("firstName")} name="firstName" defaultValue={v.firstName} errors={errors.firstName} />
        <Field label={t("lastName")} name="lastName" defaultValue={v.lastName} errors={errors.lastName} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("email")} name="email" type="email" defaultValue={v.email} errors={errors.email} />
        <Field label={t("phone")} name="phone" type="tel" defaultValue={v.phone} errors={errors.phone} />
      </div>
      <Field
        label={t("externalRef")}
        name="externalRef"
        defaultValue={v.externalRef}
        errors={errors.externalRef}
        hint={t("externalRefHint")}
      />
      <div className="flex flex-col gap-1">
        <ClientLanguageSelect
          label={t("clientLanguage")}
          name="clientLanguage"
          defaultValue={v.clientLanguage ?? defaultLanguage}
          errors={errors.clientLanguage}
        />
        <p className="text-xs text-muted">{t("clientLanguageHint")}</p>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="photos" defaultChecked={v.photos === "on" || !state.values} />
        {t("photos")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={useExisting} onChange={(e) => setUseExisting(e.target.checked)} />
        {t("useExisting")}
      </label>
      {useExisting ? (
        <Field
          label={t("existingScanRef")}
          name="existingScanRef"
          defaultValue={v.existingScanRef}
          errors={errors.existingScanRef}
          hint={t("existingScanRefHint")}
        />
      ) : null}
      <FormMessage state={state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
