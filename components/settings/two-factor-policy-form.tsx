"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

const ROLES = [
  { role: "OFFICER", label: "Compliance officers" },
  { role: "OPS", label: "Operations" },
] as const;

/** Only officers and ops can be let off two-factor sign-in; admins and leads always need it. */
export function TwoFactorPolicyForm({
  action,
  optionalFor,
}: {
  action: FormAction;
  optionalFor: readonly string[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm text-muted">
          Every role must use two-factor sign-in. Make it optional for:
        </legend>
        {ROLES.map(({ role, label }) => (
          <label key={role} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={role} defaultChecked={optionalFor.includes(role)} />
            {label}
          </label>
        ))}
        <p className="text-sm text-muted">Administrators and team leads always need it.</p>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          Save
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
