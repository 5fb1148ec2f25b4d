"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/validated-action";
import { DecisionOutcome as Outcome } from "@/lib/generated/prisma/enums";
import type { WorkingHours } from "@/lib/settings/qa-settings";

// ISO weekdays, Monday first: the checkbox for day d is named `day${d}`.
const DAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;

type Props = {
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  shares: Record<Outcome, number>;
  hours: WorkingHours;
  minCallSeconds: number;
};

export function QaSettingsForm({ action, shares, hours, minCallSeconds }: Props) {
  const t = useTranslations("settings.qaForm");
  const outcomeName = useTranslations("settings.outcome");
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback: string | number) => sent?.[name] ?? String(fallback);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <fieldset className="grid gap-3 sm:grid-cols-4">
        <legend className="mb-1 text-sm font-medium">{t("shares")}</legend>
        {Object.values(Outcome).map((o) => (
          <Field
            key={o}
            label={outcomeName(o)}
            name={o}
            type="number"
            min={0}
            max={100}
            step="any"
            defaultValue={value(o, Math.round(shares[o] * 1000) / 10)}
            errors={errors[o]}
          />
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-2" aria-describedby="days-error">
        <legend className="mb-1 text-sm font-medium">{t("hours")}</legend>
        <div className="flex flex-wrap gap-3">
          {DAYS.map((d) => (
            <label key={d} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                name={`day${d}`}
                defaultChecked={sent ? sent[`day${d}`] === "on" : hours.days.includes(Number(d))}
              />
              {t(`days.${d}`)}
            </label>
          ))}
        </div>
        <div id="days-error" className="text-sm text-danger" aria-live="polite">
          {errors.days?.join(" ")}
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field
            label={t("from")}
            name="start"
            type="time"
            defaultValue={value("start", hours.start)}
            errors={errors.start}
          />
          <Field
            label={t("until")}
            name="end"
            type="time"
            defaultValue={value("end", hours.end)}
            errors={errors.end}
          />
          <Field
            label={t("timeZone")}
            name="timeZone"
            defaultValue={value("timeZone", hours.timeZone)}
            hint={t("timeZoneHint")}
            errors={errors.timeZone}
          />
        </div>
      </fieldset>
      <Field
        label={t("minCall")}
        name="minCallSeconds"
        type="number"
        min={0}
        max={3600}
        defaultValue={value("minCallSeconds", minCallSeconds)}
        errors={errors.minCallSeconds}
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
