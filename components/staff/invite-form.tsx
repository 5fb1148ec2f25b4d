"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { AuditorAccessFields } from "@/components/staff/auditor-access-fields";
import { InviteLink } from "@/components/staff/invite-link";
import { ROLE_VALUES } from "@/components/staff/roles";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import type { FormAction } from "@/lib/actions/validated-action";

export function InviteForm({ action }: { action: FormAction }) {
  const t = useTranslations("staff.inviteForm");
  const roleName = useTranslations("roles");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const link = state.ok ? state.data?.inviteUrl : undefined;
  // Keyed by the state: a refused submit shows the role it sent, and its auditor fields with it.
  const [role, setRole] = useState({ from: state, value: v.role ?? "OFFICER" });
  const shown = role.from === state ? role.value : (v.role ?? "OFFICER");
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label={t("email")}
          name="email"
          type="email"
          required
          defaultValue={v.email}
          errors={errors.email}
        />
        <Field label={t("name")} name="name" required defaultValue={v.name} errors={errors.name} />
        <SelectField
          label={t("role")}
          name="role"
          options={ROLE_VALUES.map((value) => ({ value, label: roleName(value) }))}
          defaultValue={v.role ?? "OFFICER"}
          onChange={(e) => setRole({ from: state, value: e.target.value })}
          errors={errors.role}
        />
      </div>
      {shown === "AUDITOR" ? <AuditorAccessFields values={v} errors={errors} /> : null}
      <FormMessage state={state} />
      {typeof link === "string" ? <InviteLink url={link} /> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("inviting") : t("invite")}
        </Button>
      </div>
    </form>
  );
}
