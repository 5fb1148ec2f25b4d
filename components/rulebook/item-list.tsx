"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ItemFields, type Draft } from "@/components/rulebook/item-fields";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import type { ReasonsByOutcome } from "@/lib/decisions/reasons";
import type { ChecklistItem } from "@/lib/rulebook/schema";

type Props = {
  items: ChecklistItem[];
  reasons: ReasonsByOutcome;
  errors: Record<string, string[] | undefined>;
  sent: Record<string, string> | undefined;
};

const small = "px-2 py-1 text-xs";

/** The checklist being edited: items added, removed and moved here; their fields post by position. */
export function ItemList({ items, reasons, errors, sent }: Props) {
  const t = useTranslations("rulebook.editor.items");
  const [drafts, setDrafts] = useState<Draft[]>(() => items.map((item, uid) => ({ uid, item })));
  const [nextUid, setNextUid] = useState(items.length);
  const move = (from: number, to: number) =>
    setDrafts((list) => {
      const copy = [...list];
      const [moved] = copy.splice(from, 1);
      if (moved) copy.splice(to, 0, moved);
      return copy;
    });
  const remove = (uid: number) => setDrafts((list) => list.filter((d) => d.uid !== uid));
  const add = () => {
    setDrafts((list) => [...list, { uid: nextUid, item: { kind: "pass_fail", required: true } }]);
    setNextUid((n) => n + 1);
  };
  return (
    <>
      <ol className="flex flex-col gap-4">
        {drafts.map((draft, i) => (
          <li key={draft.uid} className="flex flex-col gap-3 rounded-card border border-border p-3">
            <div className="flex items-center justify-between gap-2">
              <span className="text-sm font-semibold">{t("item", { number: i + 1 })}</span>
              <span className="flex gap-1">
                {[
                  {
                    label: "↑",
                    name: t("moveUp", { number: i + 1 }),
                    off: i === 0,
                    act: () => move(i, i - 1),
                  },
                  {
                    label: "↓",
                    name: t("moveDown", { number: i + 1 }),
                    off: i === drafts.length - 1,
                    act: () => move(i, i + 1),
                  },
                  {
                    label: t("remove", { number: i + 1 }),
                    name: undefined,
                    off: false,
                    act: () => remove(draft.uid),
                  },
                ].map((b) => (
                  <Button
                    key={b.label}
                    type="button"
                    variant="secondary"
                    className={small}
                    disabled={b.off}
                    onClick={b.act}
                    aria-label={b.name}
                  >
                    {b.label}
                  </Button>
                ))}
              </span>
            </div>
            <ItemFields
              index={i}
              draft={draft}
              reasons={reasons}
              errors={errors}
              sent={sent}
              onChange={(item) => setDrafts((l) => l.map((d) => (d.uid === draft.uid ? { ...d, item } : d)))}
            />
          </li>
        ))}
      </ol>
      <FieldErrors id="checklist-error" errors={errors.checklist} />
      <div>
        <Button type="button" variant="secondary" onClick={add}>
          {t("add")}
        </Button>
      </div>
    </>
  );
}
