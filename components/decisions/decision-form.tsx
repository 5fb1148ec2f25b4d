"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";
import { isEnumValue } from "@/lib/enum-values";
import { DecisionOutcome } from "@/lib/generated/prisma/enums";
import type { Suggestion } from "@/lib/rulebook/rules";

type Props = {
  action: FormAction;
  reasons: Record<DecisionOutcome, string[]>;
  /**
   * Why approval must wait, in the person's words: evidence missing, required checks not passed yet, too little
   * of the call watched. Empty: approval is open.
   */
  approvalBlockers: string[];
  /** What the checklist's failed items suggest; pre-selected, the officer may still choose otherwise. */
  suggestion: Suggestion | null;
};

const OUTCOMES = Object.values(DecisionOutcome);

export function DecisionForm(props: Props) {
  const { action, reasons, approvalBlockers, suggestion } = props;
  const t = useTranslations("decisions.form");
  const outcomeLabel = useTranslations("decisions.outcome");
  const [state, formAction, pending] = useActionState(action, {});
  const echoed = state.values?.outcome;
  const [outcome, setOutcome] = useState<DecisionOutcome | "">(
    isEnumValue(DecisionOutcome, echoed) ? echoed : (suggestion?.outcome ?? ""),
  );
  const [open, setOpen] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const approvalBlocked = approvalBlockers.length > 0;
  const suggestedReason = suggestion && suggestion.outcome === outcome ? suggestion.reason : "";
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-1" aria-describedby="outcome-error approval-blocked">
        <legend className="mb-1 text-sm font-medium">{t("legend")}</legend>
        {OUTCOMES.map((o) => {
          const disabled = o === "APPROVE" && approvalBlocked;
          return (
            <label key={o} className={`flex items-center gap-2 text-sm ${disabled ? "opacity-60" : ""}`}>
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={outcome === o}
                disabled={disabled}
                onChange={() => setOutcome(o)}
              />
              {outcomeLabel(o)}
            </label>
          );
        })}
        <FieldErrors id="outcome-error" errors={errors.outcome} />
        <div id="approval-blocked" className="flex flex-col gap-1 text-xs text-warning">
          {approvalBlockers.map((blocker) => (
            <p key={blocker}>{blocker}</p>
          ))}
          {suggestion ? (
            <p className="text-muted">
              {t("suggested", { outcome: outcomeLabel(suggestion.outcome), reason: suggestion.reason })}
            </p>
          ) : null}
        </div>
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="reason" className="text-sm font-medium">
          {t("reason")}
        </label>
        <select
          id="reason"
          name="reason"
          defaultValue={state.values?.reason ?? suggestedReason}
          aria-describedby="reason-error"
          className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
        >
          <option value="">{t("chooseReason")}</option>
          {(outcome ? reasons[outcome] : []).map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <FieldErrors id="reason-error" errors={errors.reason} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="comment" className="text-sm font-medium">
          {t("comment")}
        </label>
        <textarea
          id="comment"
          name="comment"
          rows={3}
          defaultValue={state.values?.comment}
          aria-describedby="comment-error"
          className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
        />
        <FieldErrors id="comment-error" errors={errors.comment} />
      </div>
      <input type="hidden" name="confirmed" value="yes" />
      <FormMessage state={state} />
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <Button type="button" disabled={pending || !outcome}>
            {t("record")}
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 bg-black/40" />
          <Dialog.Content className="fixed top-1/2 left-1/2 w-[90vw] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-card border border-border bg-surface p-6 text-ink shadow-lg">
            <Dialog.Title className="text-lg font-semibold">{t("confirmTitle")}</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-muted">
              {t("confirmText", { outcome: outcome ? outcomeLabel(outcome) : "" })}
            </Dialog.Description>
            <div className="mt-4 flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary" type="button">
                  {t("cancel")}
                </Button>
              </Dialog.Close>
              <Button
                type="button"
                onClick={() => {
                  setOpen(false);
                  form.current?.requestSubmit();
                }}
              >
                {t("confirm")}
              </Button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </form>
  );
}
