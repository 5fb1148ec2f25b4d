"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

export function NoteForm({ action }: { action: FormAction }) {
  const t = useTranslations("decisions.noteForm");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <label htmlFor="note-body" className="text-sm font-medium">
        {t("label")}
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
          {t("submit")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
