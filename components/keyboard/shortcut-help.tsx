"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Keyboard } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useShortcut } from "@/components/keyboard/use-shortcut";
import { Button } from "@/components/ui/button";
import { SHORTCUT_SCOPES, shortcutsIn, type ShortcutScope } from "@/lib/keyboard/shortcuts";

/** The `?` overlay, on every page of the app: every shortcut from lib/keyboard/shortcuts.ts, by where it works. */
export function ShortcutHelp() {
  // The whole table's descriptions are full keys under "keyboard" (lib/keyboard/shortcuts.ts).
  const t = useTranslations("keyboard");
  const tKey = useTranslations();
  const [open, setOpen] = useState(false);
  useShortcut("help", () => setOpen(true));
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button
          type="button"
          className="rounded-md p-2 text-muted hover:bg-raised hover:text-ink"
          aria-label={t("open")}
          title={t("openTitle")}
        >
          <Keyboard className="size-4" aria-hidden />
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[85vh] w-[min(92vw,36rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-card border border-border bg-surface p-6 text-ink shadow-lg">
          <Dialog.Title className="text-lg font-semibold">{t("title")}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-muted">{t("description")}</Dialog.Description>
          {(Object.keys(SHORTCUT_SCOPES) as ShortcutScope[]).map((scope) => (
            <section key={scope} className="mt-4">
              <h3 className="text-sm font-semibold">{tKey(SHORTCUT_SCOPES[scope])}</h3>
              <dl className="mt-1 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
                {shortcutsIn(scope).map((s) => (
                  <div key={s.does} className="contents">
                    <dt className="flex gap-1">
                      {s.keys.map((k) => (
                        <kbd
                          key={k}
                          className="rounded border border-border bg-raised px-1.5 font-mono text-xs"
                        >
                          {k}
                        </kbd>
                      ))}
                    </dt>
                    <dd>{tKey(s.does)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <div className="mt-6 flex justify-end">
            <Dialog.Close asChild>
              <Button variant="secondary" type="button">
                {t("close")}
              </Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
