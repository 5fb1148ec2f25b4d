"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

/** A one-button form for an action that takes no input, with its outcome announced. */
export function ActionButton({
  action,
  label,
  pendingLabel,
  variant,
}: {
  action: FormAction;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <div>
        <Button type="submit" disabled={pending} variant={variant}>
          {pending ? pendingLabel : label}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
