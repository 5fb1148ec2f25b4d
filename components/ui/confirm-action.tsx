"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState, FormAction } from "@/lib/actions/validated-action";

type Props = {
  action: FormAction;
  /** The button that opens the dialog. */
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  /** "danger" (default) for what destroys or closes something; "primary" for a weighty but ordinary step. */
  confirmVariant?: "danger" | "primary";
};

/** A destructive action behind a confirmation dialog; its outcome is announced after the dialog closes. */
export function ConfirmAction({
  action,
  label,
  title,
  description,
  confirmLabel,
  pendingLabel,
  confirmVariant = "danger",
}: Props) {
  const t = useTranslations("ui");
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: ActionState, form: FormData) => {
    const next = await action(previous, form);
    if (next.ok) setOpen(false);
    return next;
  }, {});
  return (
    <div className="flex flex-col gap-1">
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <Button variant="secondary" type="button" className="px-3 py-1.5">
            {label}
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 bg-black/50" />
          <Dialog.Content className="fixed top-1/2 left-1/2 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-card border border-border bg-surface p-6 shadow-lg">
            <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-muted">{description}</Dialog.Description>
            <form action={formAction} className="mt-6 flex flex-col gap-3">
              {open && !state.ok ? <FormMessage state={state} /> : null}
              <div className="flex justify-end gap-2">
                <Dialog.Close asChild>
                  <Button variant="secondary" type="button">
                    {t("cancel")}
                  </Button>
                </Dialog.Close>
                <Button variant={confirmVariant} type="submit" disabled={pending}>
                  {pending ? pendingLabel : confirmLabel}
                </Button>
              </div>
            </form>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {state.ok ? <FormMessage state={state} /> : null}
    </div>
  );
}
