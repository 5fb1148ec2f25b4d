"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

/** Places a legal hold: on one case (bound into the action), or on a client ID when `byClient`. */
export function HoldForm({
  action,
  byClient = false,
  idPrefix,
}: {
  action: FormAction;
  byClient?: boolean;
  idPrefix: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  const name = (n: string) => `${idPrefix}-${n}`;
  return (
    <form
      action={formAction}
      className="flex flex-col gap-3"
      aria-label={byClient ? "Hold a client's cases" : "Place a legal hold"}
    >
      {byClient ? (
        <Field
          label="Client ID"
          name="clientId"
          id={name("clientId")}
          defaultValue={sent?.clientId ?? ""}
          errors={errors.clientId}
        />
      ) : null}
      <Field
        label="Reason"
        name="reason"
        id={name("reason")}
        defaultValue={sent?.reason ?? ""}
        errors={errors.reason}
        hint="Kept with the hold, never in the audit trail"
      />
      <Field
        label="Last day (optional)"
        name="endsOn"
        id={name("endsOn")}
        type="date"
        defaultValue={sent?.endsOn ?? ""}
        errors={errors.endsOn}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Placing…" : "Place legal hold"}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
