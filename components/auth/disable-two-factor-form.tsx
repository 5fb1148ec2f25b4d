"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

export function DisableTwoFactorForm({ action }: { action: FormAction }) {
  const t = useTranslations("auth.twoFactor.disable");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <Field
        label={t("code")}
        name="code"
        autoComplete="one-time-code"
        required
        errors={state.fieldErrors?.code}
      />
      <FormMessage state={state} />
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t("turningOff") : t("turnOff")}
        </Button>
      </div>
    </form>
  );
}
