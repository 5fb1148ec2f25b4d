"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import type { FormAction } from "@/lib/actions/validated-action";
import { BROWSER_ZONE } from "@/lib/time-zone";

type Props = { action: FormAction; chosen: string | null; zones: readonly string[] };

/** The person's own time zone for reading dates; exports and emails stay in UTC. */
export function TimeZoneForm({ action, chosen, zones }: Props) {
  const t = useTranslations("account.timeZone");
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values?.timeZone;
  const options = [
    { value: BROWSER_ZONE, label: t("browser") },
    ...zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") })),
  ];
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <SelectField
        key={sent ?? chosen ?? BROWSER_ZONE}
        label={t("label")}
        name="timeZone"
        options={options}
        defaultValue={sent ?? chosen ?? BROWSER_ZONE}
        errors={state.fieldErrors?.timeZone}
      />
      <p className="text-xs text-muted">{t("hint")}</p>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
