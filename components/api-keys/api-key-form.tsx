"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import { ShownOnce } from "@/components/ui/shown-once";
import type { FormAction } from "@/lib/actions/validated-action";
import { API_SCOPE_NAMES } from "@/lib/api/scopes";

/** Creates an API key; on success shows the key, once. */
export function ApiKeyForm({ action }: { action: FormAction }) {
  const t = useTranslations("apiKeys.form");
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-label={t("label")}>
      <Field
        label={t("name")}
        name="name"
        hint={t("nameHint")}
        defaultValue={sent?.name ?? ""}
        errors={errors.name}
      />
      <fieldset className="flex flex-col gap-1" aria-describedby="scopes-error">
        <legend className="mb-1 text-sm font-medium">{t("scopes")}</legend>
        {API_SCOPE_NAMES.map((s) => (
          <label key={s} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`scope:${s}`} defaultChecked={sent?.[`scope:${s}`] === "on"} />
            <code className="text-xs">{s}</code> {t(`scope.${s}`)}
          </label>
        ))}
        <FieldErrors id="scopes-error" errors={errors.scopes} />
      </fieldset>
      <Field
        label={t("expiresOn")}
        name="expiresOn"
        type="date"
        hint={t("expiresOnHint")}
        defaultValue={sent?.expiresOn ?? ""}
        errors={errors.expiresOn}
      />
      <Field
        label={t("ipAllowlist")}
        name="ipAllowlist"
        hint={t("ipAllowlistHint")}
        defaultValue={sent?.ipAllowlist ?? ""}
        errors={errors.ipAllowlist}
      />
      <Field
        label={t("rateLimit")}
        name="rateLimitPerMinute"
        type="number"
        min={1}
        max={6000}
        defaultValue={sent?.rateLimitPerMinute ?? "60"}
        errors={errors.rateLimitPerMinute}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
      </div>
      <FormMessage state={state} />
      <ShownOnce state={state} label={t("secret")} />
    </form>
  );
}
