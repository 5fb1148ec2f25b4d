"use client";

import { Field } from "@/components/ui/field";
import { FieldErrors } from "@/components/ui/field-errors";
import { SelectField } from "@/components/ui/select-field";
import type { ReasonsByOutcome } from "@/lib/decisions/reasons";
import { OUTCOME_LABEL } from "@/lib/decisions/rules";
import { FAIL_OUTCOMES, type FailOutcome } from "@/lib/rulebook/outcomes";
import type { ChecklistItem } from "@/lib/rulebook/schema";

export type Draft = { uid: number; item: Partial<ChecklistItem> };

type Props = {
  index: number;
  draft: Draft;
  reasons: ReasonsByOutcome;
  errors: Record<string, string[] | undefined>;
  sent: Record<string, string> | undefined;
  onChange: (item: Partial<ChecklistItem>) => void;
};

const area = "rounded-md border border-border bg-surface px-3 py-2 text-sm aria-invalid:border-danger";

/** One checklist item's inputs, named "items.<position>.<field>" so that the server maps errors back. */
export function ItemFields({ index, draft, reasons, errors, sent, onChange }: Props) {
  const { item } = draft;
  const name = (field: string) => `items.${index}.${field}`;
  const value = (field: string, saved: string | undefined) => sent?.[name(field)] ?? saved ?? "";
  const outcome = item.onFail?.outcome ?? "REJECT";
  const textArea = (field: string, label: string, saved: string | undefined, hint?: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={name(field)} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={name(field)}
        name={name(field)}
        rows={2}
        defaultValue={value(field, saved)}
        aria-invalid={errors[name(field)]?.length ? true : undefined}
        aria-describedby={`${name(field)}-error`}
        className={area}
        placeholder={hint}
      />
      <FieldErrors id={`${name(field)}-error`} errors={errors[name(field)]} />
    </div>
  );
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <Field
        label="Label"
        name={name("label")}
        defaultValue={value("label", item.label)}
        errors={errors[name("label")]}
      />
      <Field
        label="Key"
        name={name("key")}
        defaultValue={value("key", item.key)}
        errors={errors[name("key")]}
        hint="Answers are stored under it; keep it when rewording the label."
      />
      <div className="md:col-span-2">{textArea("help", "Help for the officer", item.help)}</div>
      <SelectField
        label="Kind"
        name={name("kind")}
        value={item.kind ?? "pass_fail"}
        onChange={(e) => onChange({ ...item, kind: e.target.value as ChecklistItem["kind"] })}
        errors={errors[name("kind")]}
        options={[
          { value: "pass_fail", label: "Pass / fail" },
          { value: "choice", label: "Choice" },
        ]}
      />
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" name={name("required")} defaultChecked={item.required ?? true} />
        Required before approval
      </label>
      {item.kind === "choice" ? (
        <>
          {textArea("choices", "Choices, one per line", item.choices?.join("\n"))}
          {textArea("passChoices", "Choices that pass, one per line", item.passChoices?.join("\n"))}
        </>
      ) : null}
      <SelectField
        label="A failure suggests"
        name={name("onFail.outcome")}
        value={outcome}
        onChange={(e) =>
          onChange({ ...item, onFail: { reason: "", outcome: e.target.value as FailOutcome } })
        }
        errors={errors[name("onFail.outcome")]}
        options={FAIL_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABEL[o] }))}
      />
      <SelectField
        key={outcome}
        label="With the reason"
        name={name("onFail.reason")}
        defaultValue={value("onFail.reason", item.onFail?.reason)}
        errors={errors[name("onFail.reason")]}
        options={[
          { value: "", label: "Choose a reason…" },
          ...reasons[outcome].map((r) => ({ value: r, label: r })),
        ]}
      />
    </div>
  );
}
