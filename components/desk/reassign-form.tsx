"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import type { ActionState } from "@/lib/actions/validated-action";

type Props = {
  /** The table's checkboxes name this form (`form=`), so they travel with it wherever they sit. */
  id: string;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  deciders: readonly { value: string; label: string }[];
};

/** A lead hands the cases ticked in the list to one decider. */
export function ReassignForm({ id, action, deciders }: Props) {
  const t = useTranslations("desk.reassign");
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  return (
    <form
      id={id}
      action={formAction}
      aria-label={t("formLabel")}
      className="flex flex-wrap items-end gap-3 rounded-card border border-border bg-surface p-4"
    >
      <SelectField
        label={t("assigneeLabel")}
        name="assigneeId"
        id={`${id}-assignee`}
        options={[{ value: "", label: t("pickDecider") }, ...deciders]}
        defaultValue={sent?.assigneeId ?? ""}
        errors={state.fieldErrors?.assigneeId}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("reassigning") : t("reassign")}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
