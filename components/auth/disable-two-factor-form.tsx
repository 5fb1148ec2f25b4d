"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

export function DisableTwoFactorForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <Field
        label="Current code to turn it off"
        name="code"
        autoComplete="one-time-code"
        required
        errors={state.fieldErrors?.code}
      />
      <FormMessage state={state} />
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Turning off…" : "Turn off two-factor sign-in"}
        </Button>
      </div>
    </form>
  );
}
