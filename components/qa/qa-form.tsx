"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/validated-action";
import { QA_DISAGREE_REASONS, qaReasonKey } from "@/lib/qa/reasons";

const input = "rounded-md border border-border bg-surface px-3 py-2 text-sm";

/**
 * Agree, or disagree with a reason and a comment. Built for the keyboard: the verdict radios take focus when
 * the reviewer arrives from the QA queue, arrows choose, Tab moves on, Enter in any field submits.
 */
export function QaForm({
  action,
  autoFocus,
  canReopen,
}: {
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  autoFocus: boolean;
  canReopen: boolean;
}) {
  const t = useTranslations("qa.form");
  const reasonLabel = useTranslations("qa.disagreeReason");
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  const [verdict, setVerdict] = useState(sent?.verdict ?? "");
  const errors = state.fieldErrors ?? {};
  const disagree = verdict === "DISAGREE";
  return (
    <form action={formAction} className="flex flex-col gap-2" aria-label={t("label")}>
      <fieldset className="flex flex-col gap-1" aria-describedby="qa-verdict-error">
        <legend className="mb-1 text-sm font-medium">{t("legend")}</legend>
        {[
          ["AGREE", t("agree")],
          ["DISAGREE", t("disagree")],
        ].map(([value, label], i) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="verdict"
              value={value}
              checked={verdict === value}
              onChange={() => setVerdict(value!)}
              autoFocus={autoFocus && i === 0}
            />
            {label}
          </label>
        ))}
        <FieldErrors id="qa-verdict-error" errors={errors.verdict} />
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="qa-reason" className="text-sm font-medium">
          {disagree ? t("reason") : t("reasonWhenDisagreeing")}
        </label>
        <select
          id="qa-reason"
          name="reason"
          defaultValue={sent?.reason ?? ""}
          disabled={!disagree}
          aria-describedby="qa-reason-error"
          className={input}
        >
          <option value="">{t("chooseReason")}</option>
          {QA_DISAGREE_REASONS.map((r) => (
            <option key={r} value={r}>
              {reasonLabel(qaReasonKey(r))}
            </option>
          ))}
        </select>
        <FieldErrors id="qa-reason-error" errors={errors.reason} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="qa-comment" className="text-sm font-medium">
          {disagree ? t("comment") : t("commentOptional")}
        </label>
        <textarea
          id="qa-comment"
          name="comment"
          rows={2}
          defaultValue={sent?.comment}
          aria-describedby="qa-comment-error"
          className={input}
          onKeyDown={(e) => {
            // Ctrl+Enter (or ⌘+Enter) submits from the comment, as Enter does from the other fields.
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
          }}
        />
        <FieldErrors id="qa-comment-error" errors={errors.comment} />
      </div>
      {canReopen && disagree ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="reopen" defaultChecked={sent?.reopen === "on"} />
          {t("reopen")}
        </label>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("recording") : t("submit")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
