import { SelectField } from "@/components/ui/select-field";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "@/lib/i18n/languages";

// Each language named in itself: whoever picks a client's language may not read the page's language.
const OPTIONS = LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }));

/** The client's language as a select, for the New verification form and the organisation's default. */
export function ClientLanguageSelect({
  name,
  label,
  defaultValue,
  errors,
}: {
  name: string;
  label: string;
  defaultValue: Language | string;
  errors?: string[];
}) {
  return (
    <SelectField label={label} name={name} options={OPTIONS} defaultValue={defaultValue} errors={errors} />
  );
}
