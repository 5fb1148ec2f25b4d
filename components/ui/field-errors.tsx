/** A field's errors, announced as they change; the input points at `id` with aria-describedby. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite" aria-atomic="true">
      {errors?.map((e) => (
        <p key={e} className="text-sm text-danger">
          {e}
        </p>
      ))}
    </div>
  );
}
