"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

type Props = { action: FormAction };

export function NewVerificationForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const [useExisting, setUseExisting] = useState(Boolean(state.values?.existingScanRef));
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <Field label="Client ID" name="clientId" required defaultValue={v.clientId} errors={errors.clientId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" name="firstName" defaultValue={v.firstName} errors={errors.firstName} />
        <Field label="Last name" name="lastName" defaultValue={v.lastName} errors={errors.lastName} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email" name="email" type="email" defaultValue={v.email} errors={errors.email} />
        <Field label="Phone" name="phone" type="tel" defaultValue={v.phone} errors={errors.phone} />
      </div>
      <Field
        label="External reference"
        name="externalRef"
        defaultValue={v.externalRef}
        errors={errors.externalRef}
        hint="Your own reference, up to 40 characters; MarkID echoes it in its results."
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="photos" defaultChecked={v.photos === "on" || !state.values} />
        Take photos during the call
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={useExisting} onChange={(e) => setUseExisting(e.target.checked)} />
        Use existing scanRef
      </label>
      {useExisting ? (
        <Field
          label="Existing scanRef"
          name="existingScanRef"
          defaultValue={v.existingScanRef}
          errors={errors.existingScanRef}
          hint="For a client already created at MarkID: no new token is minted."
        />
      ) : null}
      <FormMessage state={state} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create verification"}
        </Button>
      </div>
    </form>
  );
}
