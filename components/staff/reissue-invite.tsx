"use client";

import { useActionState } from "react";
import { InviteLink } from "@/components/staff/invite-link";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/validated-action";

/** For someone who never set a password: a fresh link, which also voids the old one. */
export function ReissueInvite({
  action,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const link = state.ok ? state.data?.inviteUrl : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <div>
        <Button type="submit" variant="secondary" disabled={pending} className="px-3 py-1.5">
          {pending ? "Creating…" : "New invitation link"}
        </Button>
      </div>
      <FormMessage state={state} />
      {typeof link === "string" ? <InviteLink url={link} /> : null}
    </form>
  );
}
