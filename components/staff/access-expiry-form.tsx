"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";
import { MAX_ACCESS_DAYS } from "@/lib/staff/auditor-access";

type Props = { action: FormAction; userId: string; name: string; expires: string };

/** Shortens or extends an auditor's access, at most 90 days from now (the server checks). */
export function AccessExpiryForm({ action, userId, name, expires }: Props) {
  const t = useTranslations("staff.accessExpiry");
  const [state, formAction, pending] = useActionState(action, {});
  const id = `access-${userId}`;
  const errors = state.fieldErrors?.accessExpires;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs text-muted">
        {t("label", { name, days: MAX_ACCESS_DAYS })}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          name="accessExpires"
          type="date"
          required
          defaultValue={state.values?.accessExpires ?? expires}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={`${id}-error ${id}-message`}
          className="rounded-md border border-border bg-surface px-2 py-1.5 text-sm aria-invalid:border-danger"
        />
        <Button type="submit" variant="secondary" disabled={pending} className="px-3 py-1.5">
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      <FieldErrors id={`${id}-error`} errors={errors} />
      <div id={`${id}-message`}>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
