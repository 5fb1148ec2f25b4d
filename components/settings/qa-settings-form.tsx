"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/validated-action";
import { OUTCOME_LABEL } from "@/lib/decisions/rules";
import type { DecisionOutcome as Outcome } from "@/lib/generated/prisma/enums";
import type { WorkingHours } from "@/lib/settings/qa-settings";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

type Props = {
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  shares: Record<Outcome, number>;
  hours: WorkingHours;
  minCallSeconds: number;
};

export function QaSettingsForm({ action, shares, hours, minCallSeconds }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback: string | number) => sent?.[name] ?? String(fallback);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <fieldset className="grid gap-3 sm:grid-cols-4">
        <legend className="mb-1 text-sm font-medium">Share of final decisions drawn for QA (%)</legend>
        {(Object.keys(OUTCOME_LABEL) as Outcome[]).map((o) => (
          <Field
            key={o}
            label={OUTCOME_LABEL[o]}
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
        <legend className="mb-1 text-sm font-medium">
          Working hours (a decision outside them is a risk signal)
        </legend>
        <div className="flex flex-wrap gap-3">
          {DAYS.map((d, i) => (
            <label key={d} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                name={`day${i + 1}`}
                defaultChecked={sent ? sent[`day${i + 1}`] === "on" : hours.days.includes(i + 1)}
              />
              {d}
            </label>
          ))}
        </div>
        <div id="days-error" className="text-sm text-danger" aria-live="polite">
          {errors.days?.join(" ")}
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field
            label="From"
            name="start"
            type="time"
            defaultValue={value("start", hours.start)}
            errors={errors.start}
          />
          <Field
            label="Until"
            name="end"
            type="time"
            defaultValue={value("end", hours.end)}
            errors={errors.end}
          />
          <Field
            label="Time zone"
            name="timeZone"
            defaultValue={value("timeZone", hours.timeZone)}
            hint="IANA name, e.g. Europe/Vilnius"
            errors={errors.timeZone}
          />
        </div>
      </fieldset>
      <Field
        label="Shortest acceptable call (seconds)"
        name="minCallSeconds"
        type="number"
        min={0}
        max={3600}
        defaultValue={value("minCallSeconds", minCallSeconds)}
        errors={errors.minCallSeconds}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
