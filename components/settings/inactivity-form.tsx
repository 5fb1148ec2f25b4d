"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/validated-action";
import { MAX_INACTIVE_DAYS, MIN_INACTIVE_DAYS, WARNING_DAYS } from "@/lib/staff/inactivity-rules";

type Props = { action: (s: ActionState, f: FormData) => Promise<ActionState>; days: number };

export function InactivityForm({ action, days }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <Field
        label="Deactivate accounts nobody signed in to for (days)"
        name="staffInactiveDays"
        type="number"
        min={MIN_INACTIVE_DAYS}
        max={MAX_INACTIVE_DAYS}
        defaultValue={sent?.staffInactiveDays ?? String(days)}
        hint={`Counted from the last sign-in, or from the invitation for someone who never signed in. The Staff page lists accounts within ${WARNING_DAYS} days of it.`}
        errors={state.fieldErrors?.staffInactiveDays}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
