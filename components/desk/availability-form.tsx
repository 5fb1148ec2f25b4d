"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { Availability } from "@/lib/generated/prisma/enums";

type Props = { action: (s: ActionState, f: FormData) => Promise<ActionState>; status: Availability };

/** In the header: whether this decider takes new cases. Signing out sets offline by itself. */
export function AvailabilityForm({ action, status }: Props) {
  const t = useTranslations("desk.availability");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex items-center gap-1">
      <label htmlFor="availability" className="sr-only">
        {t("label")}
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
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md px-2 py-1 text-sm text-muted hover:bg-raised hover:text-ink disabled:opacity-60"
      >
        {t("set")}
      </button>
      <span id="availability-status" role="status" aria-live="polite" className="sr-only">
        {pending ? t("saving") : (state.message ?? "")}
      </span>
    </form>
  );
}
