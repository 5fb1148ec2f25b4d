"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";
import { DecisionOutcome } from "@/lib/generated/prisma/enums";

export function AddReasonForm({ action }: { action: FormAction }) {
  const t = useTranslations("settings.addReason");
  const outcomeName = useTranslations("settings.outcome");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="outcome" className="text-sm font-medium">
          {t("outcome")}
        </label>
        <select
          id="outcome"
          name="outcome"
          defaultValue={state.values?.outcome}
          className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
        >
          {Object.values(DecisionOutcome).map((value) => (
            <option key={value} value={value}>
              {outcomeName(value)}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-64 flex-1">
        <Field
          label={t("newReason")}
          name="label"
          defaultValue={state.values?.label}
          errors={state.fieldErrors?.label}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {t("add")}
      </Button>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
