"use client";

import { useTranslations } from "next-intl";
import { MarkLink, type MarkedMedia } from "@/components/checklist/mark-link";
import { FieldErrors } from "@/components/ui/field-errors";
import type { SnapshotItem } from "@/lib/rulebook/snapshot";

type Props = {
  items: SnapshotItem[];
  media: readonly MarkedMedia[];
  errors: Record<string, string[] | undefined>;
  sent: Record<string, string> | undefined;
};

/** The first officer's answers and marks, each to confirm or to dispute with a comment. */
export function ItemVerdicts({ items, media, errors, sent }: Props) {
  const t = useTranslations("decisions.verdicts");
  const result = useTranslations("checklist.result");
  return (
    <ol className="flex flex-col gap-3">
      {items.map((item) => {
        const id = `verdict-${item.key}`;
        return (
          <li key={item.key}>
            <fieldset className="flex flex-col gap-1 text-sm" aria-describedby={`${id}-error`}>
              <legend className="font-medium">{item.label}</legend>
              <span className="flex flex-wrap items-baseline gap-2 text-xs">
                {item.result ? (item.choice ?? result(item.result)) : t("notAnswered")}
                <MarkLink mediaId={item.markMediaId} seconds={item.markSeconds} media={media} />
                {item.note ? <span className="text-muted">“{item.note}”</span> : null}
              </span>
              <span className="flex gap-3">
                {(["confirm", "dispute"] as const).map((v) => (
                  <label key={v} className="flex items-center gap-1">
                    <input
                      type="radio"
                      name={`item.${item.key}`}
                      value={v}
                      defaultChecked={sent?.[`item.${item.key}`] === v}
                    />
                    {t(v)}
                  </label>
                ))}
              </span>
              <FieldErrors id={`${id}-error`} errors={errors[`item.${item.key}`]} />
              <label htmlFor={`${id}-comment`} className="sr-only">
                {t("commentOn", { item: item.label })}
              </label>
              <input
                id={`${id}-comment`}
                name={`itemComment.${item.key}`}
                placeholder={t("commentPlaceholder")}
                defaultValue={sent?.[`itemComment.${item.key}`] ?? ""}
                aria-describedby={`${id}-comment-error`}
                className="rounded-md border border-border bg-surface px-2 py-1 text-xs"
              />
              <FieldErrors id={`${id}-comment-error`} errors={errors[`itemComment.${item.key}`]} />
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}
