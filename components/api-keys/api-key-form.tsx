"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import { ShownOnce } from "@/components/ui/shown-once";
import type { FormAction } from "@/lib/actions/validated-action";
import { API_SCOPE_NAMES, API_SCOPES } from "@/lib/api/scopes";

/** Creates an API key; on success shows the key, once. */
export function ApiKeyForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-label="Create an API key">
      <Field
        label="Name"
        name="name"
        hint="The system that uses it, e.g. Account opening"
        defaultValue={sent?.name ?? ""}
        errors={errors.name}
      />
      <fieldset className="flex flex-col gap-1" aria-describedby="scopes-error">
        <legend className="mb-1 text-sm font-medium">Scopes</legend>
        {API_SCOPE_NAMES.map((s) => (
          <label key={s} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`scope:${s}`} defaultChecked={sent?.[`scope:${s}`] === "on"} />
            <code className="text-xs">{s}</code> {API_SCOPES[s]}
          </label>
        ))}
        <FieldErrors id="scopes-error" errors={errors.scopes} />
      </fieldset>
      <Field
        label="Expires on (optional)"
        name="expiresOn"
        type="date"
        hint="The key stops working at 00:00 UTC that day"
        defaultValue={sent?.expiresOn ?? ""}
        errors={errors.expiresOn}
      />
      <Field
        label="IP allowlist (optional)"
        name="ipAllowlist"
        hint="Addresses or CIDR ranges, separated by commas or spaces; empty: any address"
        defaultValue={sent?.ipAllowlist ?? ""}
        errors={errors.ipAllowlist}
      />
      <Field
        label="Calls per minute"
        name="rateLimitPerMinute"
        type="number"
        min={1}
        max={6000}
        defaultValue={sent?.rateLimitPerMinute ?? "60"}
        errors={errors.rateLimitPerMinute}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </div>
      <FormMessage state={state} />
      <ShownOnce state={state} label="API key" />
    </form>
  );
}
