"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

/** A one-button form for an action that takes no input but `fields` (sent hidden), with its outcome announced. */
export function ActionButton({
  action,
  label,
  pendingLabel,
  variant,
  fields = {},
}: {
  action: FormAction;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
  fields?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <Button type="submit" disabled={pending} variant={variant}>
          {pending ? pendingLabel : label}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
