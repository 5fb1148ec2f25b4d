"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ROLE_CHANGE_VALUES } from "@/components/staff/roles";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";
import type { Role } from "@/lib/generated/prisma/enums";

type Props = {
  action: FormAction;
  userId: string;
  name: string;
  role: Role;
};

export function RoleForm({ action, userId, name, role }: Props) {
  const t = useTranslations("staff.roleForm");
  const roleName = useTranslations("roles");
  const [state, formAction, pending] = useActionState(action, {});
  const id = `role-${userId}`;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          {t("label", { name })}
        </label>
        <select
          id={id}
          name="role"
          defaultValue={state.values?.role ?? role}
          aria-describedby={`${id}-message`}
          className="rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
        >
          {ROLE_CHANGE_VALUES.map((value) => (
            <option key={value} value={value}>
              {roleName(value)}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" disabled={pending} className="px-3 py-1.5">
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      <div id={`${id}-message`}>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
