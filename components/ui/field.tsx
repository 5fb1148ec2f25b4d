import { FieldErrors } from "@/components/ui/field-errors";
import type { InputHTMLAttributes } from "react";

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function Field({
  label,
  name,
  id = name,
  errors,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
}) {
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ")}
        className="rounded-md border border-border bg-surface px-3 py-2 text-sm text-ink placeholder:text-muted aria-invalid:border-danger"
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
