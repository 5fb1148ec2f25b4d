"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("staff.grant");
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const sent = state.ok ? undefined : state.values;
  return (
    <form action={formAction} className="grid gap-3 md:grid-cols-2">
      <SelectField
        label={t("staffMember")}
        name="staffUserId"
        defaultValue={sent?.staffUserId ?? ""}
        errors={errors.staffUserId}
        options={[{ value: "", label: t("choose") }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
      />
      <Field
        label={t("qualification")}
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
        label={t("validUntil")}
        name="validUntil"
        type="date"
        defaultValue={sent?.validUntil ?? ""}
        errors={errors.validUntil}
        hint={t("validUntilHint")}
      />
      <Field
        label={t("evidence")}
        name="evidence"
        defaultValue={sent?.evidence ?? ""}
        errors={errors.evidence}
      />
      <div className="md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("recording") : t("record")}
        </Button>
      </div>
      <div className="md:col-span-2">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
