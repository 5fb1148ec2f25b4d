"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Columns2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useShortcut } from "@/components/keyboard/use-shortcut";
import { Button } from "@/components/ui/button";

type Photo = { src: string; alt: string };

/**
 * The face photo and the document front side by side, as large as the screen allows: the comparison the
 * checklist asks for. Opened with its button or the `c` shortcut; the images are the same media URLs.
 */
export function PhotoCompare({ face, front }: { face: Photo; front: Photo }) {
  const t = useTranslations("review.compare");
  const [open, setOpen] = useState(false);
  useShortcut("comparePhotos", () => setOpen(true));
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button type="button" variant="secondary" className="self-start px-3 py-1.5">
          <Columns2 className="size-4" aria-hidden /> {t("open")}
          <kbd className="rounded border border-border px-1 font-mono text-xs">c</kbd>
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/70" />
        <Dialog.Content className="fixed inset-4 z-50 flex flex-col gap-3 rounded-card border border-border bg-surface p-4 text-ink shadow-lg">
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-lg font-semibold">{t("title")}</Dialog.Title>
            <Dialog.Close asChild>
              <Button variant="secondary" type="button">
                {t("close")}
              </Button>
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{t("description")}</Dialog.Description>
          <div className="grid min-h-0 flex-1 gap-4 md:grid-cols-2">
            {[face, front].map((photo) => (
              <figure key={photo.src} className="flex min-h-0 flex-col gap-1">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our authenticated media route */}
                <img
                  src={photo.src}
                  alt={photo.alt}
                  className="min-h-0 flex-1 rounded-md bg-raised object-contain"
                />
                <figcaption className="text-sm font-medium">{photo.alt}</figcaption>
              </figure>
            ))}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
