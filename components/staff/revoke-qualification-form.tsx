"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/validated-action";

/** Revokes one entry of the register, with the reason kept beside it. */
export function RevokeQualificationForm({
  action,
  id,
  label,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  id: string;
  label: string;
}) {
  const t = useTranslations("staff.revoke");
  const [state, formAction, pending] = useActionState(action, {});
  const field = `revoke-${id}`;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={field} className="sr-only">
          {t("label", { label })}
        </label>
        <input
          id={field}
          name="note"
          placeholder={t("placeholder")}
          defaultValue={state.ok ? "" : state.values?.note}
          aria-describedby={`${field}-error`}
          className="rounded-md border border-border bg-surface px-2 py-1 text-xs"
        />
        <Button type="submit" variant="secondary" className="px-2 py-1 text-xs" disabled={pending}>
          {t("revoke")}
        </Button>
      </div>
      <FieldErrors id={`${field}-error`} errors={state.fieldErrors?.note} />
      <FormMessage state={state} />
    </form>
  );
}
