import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { MAX_ACCESS_DAYS } from "@/lib/staff/auditor-access";

type Props = { values: Record<string, string>; errors: Record<string, string[] | undefined> };

/** The invite form's auditor part: a mandatory expiry and an optional scope of verifications by creation date. */
export function AuditorAccessFields({ values, errors }: Props) {
  const t = useTranslations("staff.auditorAccess");
  return (
    <fieldset className="grid gap-4 rounded-md border border-border p-4 sm:grid-cols-3">
      <legend className="px-1 text-sm font-medium">{t("legend")}</legend>
      <Field
        label={t("expires")}
        name="accessExpires"
        type="date"
        required
        defaultValue={values.accessExpires}
        errors={errors.accessExpires}
        hint={t("expiresHint", { days: MAX_ACCESS_DAYS })}
      />
      <Field
        label={t("from")}
        name="scopeFrom"
        type="date"
        defaultValue={values.scopeFrom}
        errors={errors.scopeFrom}
        hint={t("fromHint")}
      />
      <Field
        label={t("to")}
        name="scopeTo"
        type="date"
        defaultValue={values.scopeTo}
        errors={errors.scopeTo}
        hint={t("toHint")}
      />
    </fieldset>
  );
}
