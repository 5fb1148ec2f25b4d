"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";
import { OUTCOME_LABEL } from "@/lib/decisions/rules";

export function AddReasonForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="outcome" className="text-sm font-medium">
          Outcome
        </label>
        <select
          id="outcome"
          name="outcome"
          defaultValue={state.values?.outcome}
          className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
        >
          {Object.entries(OUTCOME_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-64 flex-1">
        <Field
          label="New reason"
          name="label"
          defaultValue={state.values?.label}
          errors={state.fieldErrors?.label}
        />
      </div>
      <Button type="submit" disabled={pending}>
        Add reason
      </Button>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
