"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/validated-action";
import { MAX_INACTIVE_DAYS, MIN_INACTIVE_DAYS, WARNING_DAYS } from "@/lib/staff/inactivity-rules";

type Props = { action: (s: ActionState, f: FormData) => Promise<ActionState>; days: number };

export function InactivityForm({ action, days }: Props) {
  const t = useTranslations("settings.inactivityForm");
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <Field
        label={t("label")}
        name="staffInactiveDays"
        type="number"
        min={MIN_INACTIVE_DAYS}
        max={MAX_INACTIVE_DAYS}
        defaultValue={sent?.staffInactiveDays ?? String(days)}
        hint={t("hint", { days: WARNING_DAYS })}
        errors={state.fieldErrors?.staffInactiveDays}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
