"use client";

import { useActionState } from "react";
import { InviteLink } from "@/components/staff/invite-link";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

type Props = {
  action: FormAction;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
};

/** A button whose action may hand back an invitation link, shown once (only when there is no mail server). */
export function LinkAction({ action, label, pendingLabel, variant = "secondary" }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const link = state.ok ? state.data?.inviteUrl : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <div>
        <Button type="submit" variant={variant} disabled={pending} className="px-3 py-1.5">
          {pending ? pendingLabel : label}
        </Button>
      </div>
      <FormMessage state={state} />
      {typeof link === "string" ? <InviteLink url={link} /> : null}
    </form>
  );
}
