"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/validated-action";
import { TIMED_STAGES, type StageTargets } from "@/lib/settings/desk-settings";

type Props = {
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  autoAssign: boolean;
  targets: StageTargets;
  dueSoonPercent: number;
};

/** Automatic assignment and how long a case may stay in each stage; admins only. */
export function DeskSettingsForm({ action, autoAssign, targets, dueSoonPercent }: Props) {
  const t = useTranslations("desk.settingsForm");
  const stages = useTranslations("desk.stage");
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback: number | null) =>
    sent?.[name] ?? (fallback === null ? "" : String(fallback));
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="autoAssign"
          defaultChecked={sent ? sent.autoAssign === "on" : autoAssign}
        />
        {t("autoAssign")}
      </label>
      <fieldset className="grid gap-3 sm:grid-cols-4">
        <legend className="mb-1 text-sm font-medium">{t("targets")}</legend>
        {TIMED_STAGES.map((stage) => (
          <Field
            key={stage}
            label={stages(stage)}
            name={stage}
            type="number"
            min={1}
            defaultValue={value(stage, targets[stage])}
            errors={errors[stage]}
          />
        ))}
      </fieldset>
      <Field
        label={t("dueSoonPercent")}
        name="dueSoonPercent"
        type="number"
        min={1}
        max={99}
        defaultValue={value("dueSoonPercent", dueSoonPercent)}
        errors={errors.dueSoonPercent}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
