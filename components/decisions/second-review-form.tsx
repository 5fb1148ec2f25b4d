"use client";

import { useActionState } from "react";
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
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  return (
    <form action={formAction} className="flex flex-col gap-2">
      {items?.length ? (
        <>
          <h3 className="text-sm font-semibold">The officer&rsquo;s checklist</h3>
          <ItemVerdicts items={items} media={media} errors={state.fieldErrors ?? {}} sent={sent} />
        </>
      ) : null}
      <label htmlFor="review-comment" className="text-sm font-medium">
        Second review comment
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
          Confirm decision
        </Button>
        <Button type="submit" name="verdict" value="overrule" variant="secondary" disabled={pending}>
          Overrule
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
