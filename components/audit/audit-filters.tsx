"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useQueryForm } from "@/components/ui/use-query-form";

type Props = {
  values: Partial<Record<string, string>>;
  errors: Partial<Record<string, string[]>>;
  actors: { value: string; label: string }[];
  actions: string[];
};

/** The audit log's filters; each one is served by an index, which is why the choices are exact. */
export function AuditFilters({ values, errors, actors, actions }: Props) {
  const t = useTranslations("audit.filters");
  const { pending, onSubmit } = useQueryForm("/admin/audit");
  return (
    <form
      method="get"
      action="/admin/audit"
      onSubmit={onSubmit}
      role="search"
      aria-label={t("label")}
      aria-busy={pending}
      className="grid gap-3 rounded-card border border-border bg-surface p-4 sm:grid-cols-2 lg:grid-cols-3"
    >
      <SelectField
        name="actor"
        label={t("who")}
        options={[{ value: "", label: t("anyone") }, ...actors]}
        defaultValue={values.actor ?? ""}
        errors={errors.actor}
      />
      <Field
        label={t("action")}
        name="action"
        list="audit-actions"
        defaultValue={values.action}
        errors={errors.action}
        hint={t("actionHint")}
      />
      <datalist id="audit-actions">
        {actions.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <SelectField
        name="targetType"
        label={t("about")}
        options={[
          { value: "", label: t("anything") },
          { value: "verification", label: t("verification") },
          { value: "staff_user", label: t("staffUser") },
          { value: "webhook_event", label: t("webhook") },
        ]}
        defaultValue={values.targetType ?? ""}
        errors={errors.targetType}
      />
      <Field
        label={t("targetId")}
        name="targetId"
        defaultValue={values.targetId}
        errors={errors.targetId}
        hint={t("targetIdHint")}
      />
      <Field label={t("from")} name="from" type="date" defaultValue={values.from} errors={errors.from} />
      <Field label={t("until")} name="to" type="date" defaultValue={values.to} errors={errors.to} />
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("applying") : t("apply")}
        </Button>
        <Link href="/admin/audit" className="px-2 py-2 text-sm text-accent hover:underline">
          {t("clear")}
        </Link>
        <span role="status" aria-live="polite" className="text-sm text-muted">
          {pending ? t("loading") : ""}
        </span>
      </div>
    </form>
  );
}
