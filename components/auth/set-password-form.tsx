"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-limits";
import type { FormAction } from "@/lib/actions/validated-action";

export function SetPasswordForm({ action }: { action: FormAction }) {
  const t = useTranslations("auth.setPassword");
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <Field
        label={t("newPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={t("hint", { min: MIN_PASSWORD_LENGTH })}
        errors={errors.password}
      />
      <Field
        label={t("repeat")}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.confirm}
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
