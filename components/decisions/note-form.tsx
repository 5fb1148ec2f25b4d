"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

export function NoteForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <label htmlFor="note-body" className="text-sm font-medium">
        Add a note
      </label>
      <textarea
        id="note-body"
        name="body"
        rows={2}
        aria-describedby="note-body-error"
        defaultValue={state.ok ? "" : state.values?.body}
        className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
      />
      <FieldErrors id="note-body-error" errors={state.fieldErrors?.body} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Add note
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
