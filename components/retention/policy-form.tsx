"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import type { FormAction } from "@/lib/actions/validated-action";
import { RETENTION_CLASSES } from "@/lib/retention/classes";
import type { RetentionPeriod } from "@/lib/retention/periods";

const UNITS = ["years", "months", "days"] as const;

type Props = {
  action: FormAction;
  periods: Record<(typeof RETENTION_CLASSES)[number], RetentionPeriod>;
  liftNeedsSecondPerson: boolean;
};

/** How long each outcome's evidence is kept: an amount and a unit per class, saved as a new version. */
export function RetentionPolicyForm({ action, periods, liftNeedsSecondPerson }: Props) {
  const t = useTranslations("retention.policyForm");
  const label = useTranslations("retention.class");
  const units = UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }));
  const [state, formAction, pending] = useActionState(action, {});
  const sent = state.ok ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium">{t("legend")}</legend>
        {RETENTION_CLASSES.map((c) => (
          <div key={c} className="grid items-start gap-3 sm:grid-cols-[14rem_8rem_8rem]">
            <span className="pt-7 text-sm">{label(c)}</span>
            <Field
              label={t("amount")}
              name={`${c}_amount`}
              type="number"
              min={1}
              defaultValue={sent?.[`${c}_amount`] ?? String(periods[c].amount)}
              errors={errors[`${c}_amount`]}
              aria-label={t("amountOf", { label: label(c) })}
            />
            <SelectField
              label={t("unit")}
              name={`${c}_unit`}
              options={units}
              defaultValue={sent?.[`${c}_unit`] ?? periods[c].unit}
              errors={errors[`${c}_unit`]}
              aria-label={t("unitOf", { label: label(c) })}
            />
          </div>
        ))}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="liftNeedsSecondPerson"
          defaultChecked={sent ? sent.liftNeedsSecondPerson === "on" : liftNeedsSecondPerson}
        />
        {t("fourEyes")}
      </label>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
