"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

export type Toggle = { name: string; label: string; checked: boolean };

/** On/off settings saved together: each checkbox is sent, when ticked, under its own name. */
export function SettingsToggles({
  action,
  toggles,
  legend,
  note,
}: {
  action: FormAction;
  toggles: readonly Toggle[];
  legend?: string;
  note?: string;
}) {
  const t = useTranslations("settings.toggles");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2">
        {legend && <legend className="mb-1 text-sm text-muted">{legend}</legend>}
        {toggles.map(({ name, label, checked }) => (
          <label key={name} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} defaultChecked={checked} />
            {label}
          </label>
        ))}
        {note && <p className="text-sm text-muted">{note}</p>}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
