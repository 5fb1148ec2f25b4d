"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

type Props = { action: FormAction; on: boolean; mailConfigured: boolean };

/** One's own choice: whether each notification is also emailed (the event and the case's link only). */
export function MailPreferenceForm({ action, on, mailConfigured }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="byMail"
          defaultChecked={sent ? sent.byMail === "on" : on}
          aria-describedby="by-mail-hint"
        />
        Also email me each notification
      </label>
      <p id="by-mail-hint" className="text-xs text-muted">
        The email says what happened and links to the case; it never names the client.
        {mailConfigured ? "" : " No mail server is configured, so nothing is sent until one is."}
      </p>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
