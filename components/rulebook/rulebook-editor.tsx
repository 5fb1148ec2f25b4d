"use client";

import { useActionState } from "react";
import { ItemList } from "@/components/rulebook/item-list";
import { WatchFields } from "@/components/rulebook/watch-fields";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/validated-action";
import type { ReasonsByOutcome } from "@/lib/decisions/reasons";
import type { RulebookContent } from "@/lib/rulebook/schema";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  content: RulebookContent;
  version: number;
  reasons: ReasonsByOutcome;
  qualificationNames: string[];
};

/** Edits the current checklist and policy; saving publishes the next version and leaves this one as it was. */
export function RulebookEditor({ action, content, version, reasons, qualificationNames }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const sent = state.ok ? undefined : state.values;
  const { decide, secondReview } = content.requiredQualification;
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <p className="text-sm text-muted">
        Editing version {version}. Saving publishes version {version + 1}; cases and decisions made under
        earlier versions keep showing them.
      </p>
      <ItemList
        // A published version starts the list afresh from it; the form's message above stays.
        key={version}
        items={content.checklist}
        reasons={reasons}
        errors={errors}
        sent={sent}
      />
      <datalist id="qualification-names">
        {qualificationNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <div className="grid gap-3 md:grid-cols-2">
        <Field
          label="Qualification required to decide"
          name="decideQualification"
          list="qualification-names"
          defaultValue={sent?.decideQualification ?? decide ?? ""}
          errors={errors.decideQualification}
          hint="Empty: anyone with the decision permission."
        />
        <Field
          label="Qualification required for second review"
          name="reviewQualification"
          list="qualification-names"
          defaultValue={sent?.reviewQualification ?? secondReview ?? ""}
          errors={errors.reviewQualification}
          hint="Empty: anyone with the review permission."
        />
      </div>
      <WatchFields watch={content.watch} errors={errors} sent={sent} />
      <Field label="What changed and why" name="note" defaultValue={sent?.note ?? ""} errors={errors.note} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : `Save as version ${version + 1}`}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
