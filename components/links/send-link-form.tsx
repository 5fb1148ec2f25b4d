"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("links.form");
  const channelLabel = useTranslations("links.channel");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const [channel, setChannel] = useState(v.channel ?? (mailEnabled ? "EMAIL" : "COPY"));
  const kinds = [
    ...(hasCall ? [{ value: "VIDEO_CALL", label: t("callOption") }] : []),
    { value: "TOKEN_REDIRECT", label: t("startOption") },
  ];
  const channels = [
    ...(mailEnabled ? [{ value: "EMAIL", label: channelLabel("EMAIL") }] : []),
    { value: "COPY", label: channelLabel("COPY") },
    { value: "QR", label: channelLabel("QR") },
  ];
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t("kindLabel")}
          name="kind"
          options={kinds}
          defaultValue={v.kind}
          errors={errors.kind}
        />
        <SelectField
          label={t("channelLabel")}
          name="channel"
          options={channels}
          value={channel}
          onChange={(e) => setChannel(e.target.value)}
          errors={errors.channel}
        />
      </div>
      {channel === "EMAIL" ? (
        <Field
          label={t("recipientLabel")}
          name="recipient"
          type="email"
          defaultValue={v.recipient ?? defaultEmail ?? ""}
          errors={errors.recipient}
        />
      ) : null}
      <FormMessage state={state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("sending") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
