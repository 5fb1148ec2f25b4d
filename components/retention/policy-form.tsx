"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import type { FormAction } from "@/lib/actions/validated-action";
import { RETENTION_CLASS_LABEL, RETENTION_CLASSES } from "@/lib/retention/classes";
import type { RetentionPeriod } from "@/lib/retention/periods";

const UNITS = [
  { value: "years", label: "years" },
  { value: "months", label: "months" },
  { value: "days", label: "days" },
] as const;

type Props = {
  action: FormAction;
  periods: Record<(typeof RETENTION_CLASSES)[number], RetentionPeriod>;
  liftNeedsSecondPerson: boolean;
};

/** How long each outcome's evidence is kept: an amount and a unit per class, saved as a new version. */
export function RetentionPolicyForm({ action, periods, liftNeedsSecondPerson }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium">
          Keep the evidence after the final decision (or the last activity, when never decided) for
        </legend>
        {RETENTION_CLASSES.map((c) => (
          <div key={c} className="grid items-start gap-3 sm:grid-cols-[14rem_8rem_8rem]">
            <span className="pt-7 text-sm">{RETENTION_CLASS_LABEL[c]}</span>
            <Field
              label="Amount"
              name={`${c}_amount`}
              type="number"
              min={1}
              defaultValue={sent?.[`${c}_amount`] ?? String(periods[c].amount)}
              errors={errors[`${c}_amount`]}
              aria-label={`${RETENTION_CLASS_LABEL[c]}: amount`}
            />
            <SelectField
              label="Unit"
              name={`${c}_unit`}
              options={UNITS}
              defaultValue={sent?.[`${c}_unit`] ?? periods[c].unit}
              errors={errors[`${c}_unit`]}
              aria-label={`${RETENTION_CLASS_LABEL[c]}: unit`}
            />
          </div>
        ))}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="liftNeedsSecondPerson"
          defaultChecked={sent ? sent.liftNeedsSecondPerson === "on" : liftNeedsSecondPerson}
        />
        Four-eyes on legal holds: whoever placed a hold cannot lift it
      </label>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save as a new version"}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
