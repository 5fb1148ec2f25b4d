import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import type { RulebookContent } from "@/lib/rulebook/schema";

type Props = {
  watch: RulebookContent["watch"];
  errors: Record<string, string[] | undefined>;
  /** The values last posted, when the save was refused: they win over the version's. */
  sent?: Record<string, string>;
};

/** Whether approving needs the decider to have played the call, and how much of it. */
export function WatchFields({ watch, errors, sent }: Props) {
  // Rendered inside the client-side editor: its messages travel with rulebook.editor.
  const t = useTranslations("rulebook.editor.watch");
  const required = sent ? sent.watchRequired === "on" : watch.required;
  const percent = sent?.watchPercent ?? String(Math.round(watch.minShare * 100));
  return (
    <fieldset className="grid gap-3 md:grid-cols-2">
      <legend className="mb-2 text-sm font-medium">{t("legend")}</legend>
      <label className="flex items-center gap-2 self-end text-sm">
        <input type="checkbox" name="watchRequired" defaultChecked={required} />
        {t("required")}
      </label>
      <Field
        label={t("share")}
        name="watchPercent"
        type="number"
        min={5}
        max={100}
        step={1}
        defaultValue={percent}
        errors={errors.watchPercent}
        hint={t("shareHint")}
      />
    </fieldset>
  );
}
