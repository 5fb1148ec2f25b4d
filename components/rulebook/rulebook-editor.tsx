"use client";

import { useActionState, useState } from "react";
import { ItemFields, type Draft } from "@/components/rulebook/item-fields";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FieldErrors } from "@/components/ui/field-errors";
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

const small = "px-2 py-1 text-xs";

/** Edits the current checklist and policy; saving publishes the next version and leaves this one as it was. */
export function RulebookEditor({ action, content, version, reasons, qualificationNames }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const [drafts, setDrafts] = useState<Draft[]>(() => content.checklist.map((item, uid) => ({ uid, item })));
  const [nextUid, setNextUid] = useState(content.checklist.length);
  const errors = state.fieldErrors ?? {};
  const sent = state.ok ? undefined : state.values;
  const move = (from: number, to: number) =>
    setDrafts((list) => {
      const copy = [...list];
      const [moved] = copy.splice(from, 1);
      if (moved) copy.splice(to, 0, moved);
      return copy;
    });
  const remove = (uid: number) => setDrafts((list) => list.filter((d) => d.uid !== uid));
  const add = () => {
    setDrafts((list) => [...list, { uid: nextUid, item: { kind: "pass_fail", required: true } }]);
    setNextUid((n) => n + 1);
  };
  const { decide, secondReview } = content.requiredQualification;
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <p className="text-sm text-muted">
        Editing version {version}. Saving publishes version {version + 1}; cases and decisions made under
        earlier versions keep showing them.
      </p>
      <ol className="flex flex-col gap-4">
        {drafts.map((draft, i) => (
          <li key={draft.uid} className="flex flex-col gap-3 rounded-card border border-border p-3">
            <div className="flex items-center justify-between gap-2">
              <span className="text-sm font-semibold">Item {i + 1}</span>
              <span className="flex gap-1">
                {[
                  { label: "↑", name: `Move item ${i + 1} up`, off: i === 0, act: () => move(i, i - 1) },
                  {
                    label: "↓",
                    name: `Move item ${i + 1} down`,
                    off: i === drafts.length - 1,
                    act: () => move(i, i + 1),
                  },
                  {
                    label: `Remove item ${i + 1}`,
                    name: undefined,
                    off: false,
                    act: () => remove(draft.uid),
                  },
                ].map((b) => (
                  <Button
                    key={b.label}
                    type="button"
                    variant="secondary"
                    className={small}
                    disabled={b.off}
                    onClick={b.act}
                    aria-label={b.name}
                  >
                    {b.label}
                  </Button>
                ))}
              </span>
            </div>
            <ItemFields
              index={i}
              draft={draft}
              reasons={reasons}
              errors={errors}
              sent={sent}
              onChange={(item) => setDrafts((l) => l.map((d) => (d.uid === draft.uid ? { ...d, item } : d)))}
            />
          </li>
        ))}
      </ol>
      <FieldErrors id="checklist-error" errors={errors.checklist} />
      <div>
        <Button type="button" variant="secondary" onClick={add}>
          Add item
        </Button>
      </div>
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
