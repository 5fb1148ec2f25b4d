"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import type { ActionState } from "@/lib/actions/validated-action";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  staff: ReadonlyArray<{ id: string; name: string }>;
  names: string[];
};

/** Records a training in the register: who, which qualification, until when, and what proves it. */
export function GrantQualificationForm({ action, staff, names }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const sent = state.ok ? undefined : state.values;
  return (
    <form action={formAction} className="grid gap-3 md:grid-cols-2">
      <SelectField
        label="Staff member"
        name="staffUserId"
        defaultValue={sent?.staffUserId ?? ""}
        errors={errors.staffUserId}
        options={[{ value: "", label: "Choose…" }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
      />
      <Field
        label="Qualification"
        name="name"
        list="register-names"
        defaultValue={sent?.name ?? ""}
        errors={errors.name}
      />
      <datalist id="register-names">
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <Field
        label="Valid until"
        name="validUntil"
        type="date"
        defaultValue={sent?.validUntil ?? ""}
        errors={errors.validUntil}
        hint="Empty: does not expire."
      />
      <Field label="Evidence" name="evidence" defaultValue={sent?.evidence ?? ""} errors={errors.evidence} />
      <div className="md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Recording…" : "Record qualification"}
        </Button>
      </div>
      <div className="md:col-span-2">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
