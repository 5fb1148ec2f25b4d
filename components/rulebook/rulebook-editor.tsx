"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("rulebook.editor");
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const sent = state.ok ? undefined : state.values;
  const { decide, secondReview } = content.requiredQualification;
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <p className="text-sm text-muted">{t("intro", { version, next: version + 1 })}</p>
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
          label={t("decideQualification")}
          name="decideQualification"
          list="qualification-names"
          defaultValue={sent?.decideQualification ?? decide ?? ""}
          errors={errors.decideQualification}
          hint={t("decideHint")}
        />
        <Field
          label={t("reviewQualification")}
          name="reviewQualification"
          list="qualification-names"
          defaultValue={sent?.reviewQualification ?? secondReview ?? ""}
          errors={errors.reviewQualification}
          hint={t("reviewHint")}
        />
      </div>
      <WatchFields watch={content.watch} errors={errors} sent={sent} />
      <Field label={t("note")} name="note" defaultValue={sent?.note ?? ""} errors={errors.note} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save", { version: version + 1 })}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
