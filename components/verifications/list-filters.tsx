"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useQueryForm } from "@/components/ui/use-query-form";

type Option = { value: string; label: string };
type FilterOptions = { statuses: Option[]; decisions: Option[]; staff: Option[]; sorts: Option[] };

type Props = {
  /** Where the form leads: the list or the metrics page, which share these filters. */
  path: string;
  values: Partial<Record<string, string>>;
  errors: Partial<Record<string, string[]>>;
  options: FilterOptions;
  canChooseView: boolean;
  showSort?: boolean;
};

const any = (label: string, options: Option[]) => [{ value: "", label }, ...options];

/**
 * The list's filters as a GET form: the URL holds the whole state, so a filtered view can be bookmarked or
 * shared. With JavaScript it navigates client-side and shows that it is working; without, it still submits.
 */
export function ListFilters({ path, values, errors, options, canChooseView, showSort = true }: Props) {
  const t = useTranslations("verifications.filters");
  // The URL's errors arrive as message keys (lib/verifications/list-params.ts), all under this namespace.
  const tAll = useTranslations();
  const said = (name: string) =>
    errors[name]?.map((key) => (tAll.has(key as never) ? tAll(key as never) : key));
  const { pending, onSubmit } = useQueryForm(path);

  const select = (name: string, label: string, opts: Option[]) => (
    <SelectField
      name={name}
      label={label}
      options={opts}
      defaultValue={values[name] ?? ""}
      errors={said(name)}
    />
  );
  return (
    <form
      method="get"
      action={path}
      onSubmit={onSubmit}
      role="search"
      aria-label={t("label")}
      aria-busy={pending}
      className="grid gap-3 rounded-card border border-border bg-surface p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="sm:col-span-2">
        <Field
          label={t("search")}
          name="q"
          type="search"
          defaultValue={values.q}
          errors={said("q")}
          hint={t("searchHint")}
        />
      </div>
      {select("status", t("status"), any(t("anyStatus"), options.statuses))}
      {select("decision", t("decisionLabel"), any(t("anyDecision"), options.decisions))}
      {select("officer", t("createdBy"), any(t("anyone"), options.staff))}
      {select(
        "assignee",
        t("assignee"),
        any(t("anyone"), [{ value: "none", label: t("unassigned") }, ...options.staff]),
      )}
      <Field label={t("from")} name="from" type="date" defaultValue={values.from} errors={said("from")} />
      <Field label={t("to")} name="to" type="date" defaultValue={values.to} errors={said("to")} />
      {select(
        "recordings",
        t("recordings"),
        any(t("either"), [
          { value: "yes", label: t("archived") },
          { value: "no", label: t("noneYet") },
        ]),
      )}
      {select(
        "clock",
        t("clock"),
        any(t("any"), [
          { value: "overdue", label: t("overdue") },
          { value: "due_soon", label: t("dueSoon") },
          { value: "on_time", label: t("onTime") },
        ]),
      )}
      {canChooseView
        ? select("view", t("whose"), [
            { value: "", label: t("everyones") },
            { value: "mine", label: t("mine") },
          ])
        : null}
      {showSort ? select("sort", t("sortLabel"), options.sorts) : null}
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input
          type="checkbox"
          name="fourEyes"
          value="pending"
          defaultChecked={values.fourEyes === "pending"}
        />
        {t("fourEyes")}
      </label>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("applying") : t("apply")}
        </Button>
        <Link href={path} className="px-2 py-2 text-sm text-accent hover:underline">
          {t("clear")}
        </Link>
        <span role="status" aria-live="polite" className="text-sm text-muted">
          {pending ? t("loading") : ""}
        </span>
      </div>
    </form>
  );
}
