"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { AVAILABILITY_LABEL } from "@/lib/desk/causes";
import { Availability } from "@/lib/generated/prisma/enums";

type Props = { action: (s: ActionState, f: FormData) => Promise<ActionState>; status: Availability };

/** In the header: whether this decider takes new cases. Signing out sets offline by itself. */
export function AvailabilityForm({ action, status }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex items-center gap-1">
      <label htmlFor="availability" className="sr-only">
        Availability
      </label>
      <select
        id="availability"
        name="status"
        defaultValue={status}
        aria-describedby="availability-status"
        className="rounded-md border border-border bg-surface px-2 py-1 text-sm"
      >
        {Object.values(Availability).map((s) => (
          <option key={s} value={s}>
            {AVAILABILITY_LABEL[s]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md px-2 py-1 text-sm text-muted hover:bg-raised hover:text-ink disabled:opacity-60"
      >
        Set
      </button>
      <span id="availability-status" role="status" aria-live="polite" className="sr-only">
        {pending ? "Saving…" : (state.message ?? "")}
      </span>
    </form>
  );
}
