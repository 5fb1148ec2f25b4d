"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

type Props = { action: FormAction; on: boolean; mailConfigured: boolean };

/** One's own choice: whether each notification is also emailed (the event and the case's link only). */
export function MailPreferenceForm({ action, on, mailConfigured }: Props) {
  const t = useTranslations("notifications.mailForm");
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
        {t("label")}
      </label>
      <p id="by-mail-hint" className="text-xs text-muted">
        {t("hint")}
        {mailConfigured ? "" : ` ${t("noServer")}`}
      </p>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
