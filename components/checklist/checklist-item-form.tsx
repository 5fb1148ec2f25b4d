"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { MarkButtons } from "@/components/checklist/mark-buttons";
import { MarkLink, type MarkedMedia } from "@/components/checklist/mark-link";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/validated-action";
import type { AnswerDto } from "@/lib/checklist/queries";
import type { ChecklistItem } from "@/lib/rulebook/schema";

const RESULTS = ["PASS", "FAIL", "NOT_APPLICABLE"] as const;

type Props = {
  item: ChecklistItem;
  answer: AnswerDto | undefined;
  media: readonly MarkedMedia[];
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
};

/** One checklist item: a choice saves at once; the note with "Save note"; a mark with its own button. */
export function ChecklistItemForm({ item, answer, media, action }: Props) {
  const t = useTranslations("checklist.item");
  const resultLabel = useTranslations("checklist.result");
  const [state, formAction, pending] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  const id = `ck-${item.key}`;
  const errors = state.fieldErrors ?? {};
  const save = () => form.current?.requestSubmit();
  const sent = state.ok ? undefined : state.values;
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="itemKey" value={item.key} />
      <fieldset className="flex flex-col gap-1" aria-describedby={`${id}-help ${id}-result-error`}>
        <legend className="text-sm font-medium">
          {item.label}
          {item.required ? "" : ` ${t("optional")}`}
        </legend>
        <p id={`${id}-help`} className="text-xs text-muted">
          {item.help}
        </p>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {item.kind === "choice" ? (
            <select
              name="choice"
              aria-label={item.label}
              defaultValue={sent?.choice ?? answer?.choice ?? ""}
              onChange={save}
              className="rounded-md border border-border bg-surface px-2 py-1 text-sm"
            >
              <option value="">{t("choose")}</option>
              {item.choices?.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          ) : null}
          {RESULTS.filter((r) => item.kind === "pass_fail" || r === "NOT_APPLICABLE").map((r) => (
            <label key={r} className="flex items-center gap-1">
              <input
                type={item.kind === "pass_fail" ? "radio" : "checkbox"}
                name="result"
                value={r}
                defaultChecked={(sent?.result ?? answer?.result) === r}
                onChange={save}
              />
              {resultLabel(r)}
            </label>
          ))}
        </div>
        <FieldErrors id={`${id}-result-error`} errors={errors.result ?? errors.choice} />
      </fieldset>
      <label htmlFor={`${id}-note`} className="text-xs font-medium">
        {t("note", { item: item.label })}
      </label>
      <textarea
        id={`${id}-note`}
        name="note"
        rows={1}
        defaultValue={sent?.note ?? answer?.note ?? ""}
        aria-describedby={`${id}-note-error`}
        className="rounded-md border border-border bg-surface px-2 py-1 text-sm"
      />
      <FieldErrors id={`${id}-note-error`} errors={errors.note} />
      <div className="flex flex-wrap items-center gap-2" aria-describedby={`${id}-mark-error`}>
        <MarkLink mediaId={answer?.markMediaId ?? null} seconds={answer?.markSeconds ?? null} media={media} />
        <MarkButtons media={media} hasMark={Boolean(answer?.markMediaId)} disabled={pending} />
        <Button type="submit" variant="secondary" disabled={pending} className="px-2 py-1 text-xs">
          {t("saveNote")}
        </Button>
      </div>
      <FieldErrors id={`${id}-mark-error`} errors={errors.mark} />
      <FormMessage state={state} />
    </form>
  );
}
