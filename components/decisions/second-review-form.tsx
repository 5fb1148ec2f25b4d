"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "@/lib/actions/validated-action";

export function SecondReviewForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <label htmlFor="review-comment" className="text-sm font-medium">
        Second review comment
      </label>
      <textarea
        id="review-comment"
        name="comment"
        rows={2}
        className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
      />
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
