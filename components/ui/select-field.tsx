import { FieldErrors } from "@/components/ui/field-errors";
import type { SelectHTMLAttributes } from "react";

/** A labelled select whose errors are announced and tied to it, like Field. */
export function SelectField({
  label,
  name,
  id = name,
  errors,
  options,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  errors?: string[];
  /** `lang`: an option named in another language than the page (a language list), read out in that one. */
  options: readonly { value: string; label: string; lang?: string }[];
}) {
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errorId}
        className="rounded-md border border-border bg-surface px-3 py-2 text-sm text-ink aria-invalid:border-danger"
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
