"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import type { MarkedMedia } from "@/components/checklist/mark-link";
import { ItemVerdicts } from "@/components/decisions/item-verdicts";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";
import type { SnapshotItem } from "@/lib/rulebook/snapshot";

export function SecondReviewForm({
  action,
  items,
  media,
}: {
  action: FormAction;
  /** The decision's checklist snapshot; null for decisions from before the rulebook. */
  items: SnapshotItem[] | null;
  media: readonly MarkedMedia[];
}) {
  const t = useTranslations("decisions.secondReview");
  const [state, formAction, pending] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  // The dialog renders in a portal, outside the form: its button submits through this one, which carries the verdict.
  const overrule = useRef<HTMLButtonElement>(null);
  const sent = state.ok ? undefined : state.values;
  return (
    <form action={formAction} className="flex flex-col gap-2">
      {items?.length ? (
        <>
          <h3 className="text-sm font-semibold">{t("checklist")}</h3>
          <ItemVerdicts items={items} media={media} errors={state.fieldErrors ?? {}} sent={sent} />
        </>
      ) : null}
      <label htmlFor="review-comment" className="text-sm font-medium">
        {t("comment")}
      </label>
      <textarea
        id="review-comment"
        name="comment"
        rows={2}
        defaultValue={sent?.comment}
        aria-describedby="review-comment-error"
        className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
      />
      <FieldErrors id="review-comment-error" errors={state.fieldErrors?.comment} />
      <div className="flex gap-2">
        <Button type="submit" name="verdict" value="confirm" disabled={pending}>
          {t("confirm")}
        </Button>
        <button ref={overrule} type="submit" name="verdict" value="overrule" hidden tabIndex={-1} />
        {/* Overruling sends the case back for a new decision: asked once more, as the decision form asks. */}
        <Dialog.Root open={confirming} onOpenChange={setConfirming}>
          <Dialog.Trigger asChild>
            <Button type="button" variant="secondary" disabled={pending}>
              {t("overrule")}
            </Button>
          </Dialog.Trigger>
          <Dialog.Portal>
            <Dialog.Overlay className="fixed inset-0 bg-black/40" />
            <Dialog.Content className="fixed top-1/2 left-1/2 w-[90vw] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-card border border-border bg-surface p-6 text-ink shadow-lg">
              <Dialog.Title className="text-lg font-semibold">{t("dialogTitle")}</Dialog.Title>
              <Dialog.Description className="mt-2 text-sm text-muted">{t("dialogText")}</Dialog.Description>
              <div className="mt-6 flex justify-end gap-2">
                <Dialog.Close asChild>
                  <Button type="button" variant="secondary">
                    {t("cancel")}
                  </Button>
                </Dialog.Close>
                <Button
                  type="button"
                  variant="danger"
                  disabled={pending}
                  onClick={() => {
                    overrule.current?.form?.requestSubmit(overrule.current);
                    setConfirming(false);
                  }}
                >
                  {t("overrule")}
                </Button>
              </div>
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
