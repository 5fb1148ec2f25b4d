import { Field } from "@/components/ui/field";
import { MAX_ACCESS_DAYS } from "@/lib/staff/auditor-access";

type Props = { values: Record<string, string>; errors: Record<string, string[] | undefined> };

/** The invite form's auditor part: a mandatory expiry and an optional scope of verifications by creation date. */
export function AuditorAccessFields({ values, errors }: Props) {
  return (
    <fieldset className="grid gap-4 rounded-md border border-border p-4 sm:grid-cols-3">
      <legend className="px-1 text-sm font-medium">Auditor access</legend>
      <Field
        label="Access expires"
        name="accessExpires"
        type="date"
        required
        defaultValue={values.accessExpires}
        errors={errors.accessExpires}
        hint={`Sign-in stops at 00:00 UTC that day; at most ${MAX_ACCESS_DAYS} days from now.`}
      />
      <Field
        label="Cases created from (optional)"
        name="scopeFrom"
        type="date"
        defaultValue={values.scopeFrom}
        errors={errors.scopeFrom}
        hint="UTC. Empty: no lower limit."
      />
      <Field
        label="Cases created to (optional)"
        name="scopeTo"
        type="date"
        defaultValue={values.scopeTo}
        errors={errors.scopeTo}
        hint="Included, UTC. Empty: no upper limit. Without either, every case."
      />
    </fieldset>
  );
}
