"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import type { FormAction } from "@/lib/actions/validated-action";

type Props = {
  action: FormAction;
  hasCall: boolean;
  mailEnabled: boolean;
  defaultEmail: string | null;
};

export function SendLinkForm({ action, hasCall, mailEnabled, defaultEmail }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const [channel, setChannel] = useState(v.channel ?? (mailEnabled ? "EMAIL" : "COPY"));
  const kinds = [
    ...(hasCall ? [{ value: "VIDEO_CALL", label: "Call link (the current video call)" }] : []),
    { value: "TOKEN_REDIRECT", label: "Start link (MarkID verification)" },
  ];
  const channels = [
    ...(mailEnabled ? [{ value: "EMAIL", label: "Email" }] : []),
    { value: "COPY", label: "Copy" },
    { value: "QR", label: "QR code" },
  ];
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Link" name="kind" options={kinds} defaultValue={v.kind} errors={errors.kind} />
        <SelectField
          label="Send by"
          name="channel"
          options={channels}
          value={channel}
          onChange={(e) => setChannel(e.target.value)}
          errors={errors.channel}
        />
      </div>
      {channel === "EMAIL" ? (
        <Field
          label="Recipient email"
          name="recipient"
          type="email"
          defaultValue={v.recipient ?? defaultEmail ?? ""}
          errors={errors.recipient}
        />
      ) : null}
      <FormMessage state={state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send link"}
        </Button>
      </div>
    </form>
  );
}
