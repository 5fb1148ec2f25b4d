"use client";

import Link from "next/link";
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
  const { pending, onSubmit } = useQueryForm(path);

  const select = (name: string, label: string, opts: Option[]) => (
    <SelectField
      name={name}
      label={label}
      options={opts}
      defaultValue={values[name] ?? ""}
      errors={errors[name]}
    />
  );
  return (
    <form
      method="get"
      action={path}
      onSubmit={onSubmit}
      role="search"
      aria-label="Filter verifications"
      aria-busy={pending}
      className="grid gap-3 rounded-card border border-border bg-surface p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="sm:col-span-2">
        <Field
          label="Search"
          name="q"
          type="search"
          defaultValue={values.q}
          errors={errors.q}
          hint="scanRef, client ID or name. Three characters or more match part of it."
        />
      </div>
      {select("status", "Status", any("Any status", options.statuses))}
      {select("decision", "Decision", any("Any decision", options.decisions))}
      {select("officer", "Created by", any("Anyone", options.staff))}
      {select(
        "assignee",
        "Assignee",
        any("Anyone", [{ value: "none", label: "Unassigned" }, ...options.staff]),
      )}
      <Field label="Created from" name="from" type="date" defaultValue={values.from} errors={errors.from} />
      <Field label="Created until" name="to" type="date" defaultValue={values.to} errors={errors.to} />
      {select(
        "recordings",
        "Recordings",
        any("Either", [
          { value: "yes", label: "Archived" },
          { value: "no", label: "None yet" },
        ]),
      )}
      {select(
        "clock",
        "Stage clock",
        any("Any", [
          { value: "overdue", label: "Overdue" },
          { value: "due_soon", label: "Due soon" },
          { value: "on_time", label: "On time" },
        ]),
      )}
      {canChooseView
        ? select("view", "Whose", [
            { value: "", label: "Everyone's" },
            { value: "mine", label: "Mine and unassigned" },
          ])
        : null}
      {showSort ? select("sort", "Sort", options.sorts) : null}
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input
          type="checkbox"
          name="fourEyes"
          value="pending"
          defaultChecked={values.fourEyes === "pending"}
        />
        Four-eyes review pending
      </label>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Applying…" : "Apply filters"}
        </Button>
        <Link href={path} className="px-2 py-2 text-sm text-accent hover:underline">
          Clear
        </Link>
        <span role="status" aria-live="polite" className="text-sm text-muted">
          {pending ? "Loading results…" : ""}
        </span>
      </div>
    </form>
  );
}
