"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FieldErrors } from "@/components/ui/field-errors";
import { SelectField } from "@/components/ui/select-field";
import type { ReasonsByOutcome } from "@/lib/decisions/reasons";
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
  const t = useTranslations("rulebook.editor.fields");
  const outcomeLabel = useTranslations("rulebook.outcome");
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
        label={t("label")}
        name={name("label")}
        defaultValue={value("label", item.label)}
        errors={errors[name("label")]}
      />
      <Field
        label={t("key")}
        name={name("key")}
        defaultValue={value("key", item.key)}
        errors={errors[name("key")]}
        hint={t("keyHint")}
      />
      <div className="md:col-span-2">{textArea("help", t("help"), item.help)}</div>
      <SelectField
        label={t("kind")}
        name={name("kind")}
        value={item.kind ?? "pass_fail"}
        onChange={(e) => onChange({ ...item, kind: e.target.value as ChecklistItem["kind"] })}
        errors={errors[name("kind")]}
        options={[
          { value: "pass_fail", label: t("passFail") },
          { value: "choice", label: t("choice") },
        ]}
      />
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" name={name("required")} defaultChecked={item.required ?? true} />
        {t("required")}
      </label>
      {item.kind === "choice" ? (
        <>
          {textArea("choices", t("choices"), item.choices?.join("\n"))}
          {textArea("passChoices", t("passChoices"), item.passChoices?.join("\n"))}
        </>
      ) : null}
      <SelectField
        label={t("failureSuggests")}
        name={name("onFail.outcome")}
        value={outcome}
        onChange={(e) =>
          onChange({ ...item, onFail: { reason: "", outcome: e.target.value as FailOutcome } })
        }
        errors={errors[name("onFail.outcome")]}
        options={FAIL_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) }))}
      />
      <SelectField
        key={outcome}
        label={t("withReason")}
        name={name("onFail.reason")}
        defaultValue={value("onFail.reason", item.onFail?.reason)}
        errors={errors[name("onFail.reason")]}
        options={[
          { value: "", label: t("chooseReason") },
          ...reasons[outcome].map((r) => ({ value: r, label: r })),
        ]}
      />
    </div>
  );
}
