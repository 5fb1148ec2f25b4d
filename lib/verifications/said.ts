import { currentLanguage } from "@/lib/i18n/current";
import { translateFieldErrors, translateMessage } from "@/lib/i18n/form-errors";
import { translatorFor } from "@/lib/i18n/messages";

// The verification schemas (client ID, list filters) speak in message keys; pages and routes outside
// validatedAction that show their errors translate them here, in the signed-in person's language.

export function saidToReader(message: string): string;
export function saidToReader(
  fieldErrors: Partial<Record<string, string[]>>,
): Record<string, string[] | undefined>;
export function saidToReader(said: string | Partial<Record<string, string[]>>) {
  const t = translatorFor(currentLanguage());
  return typeof said === "string" ? translateMessage(t, said) : translateFieldErrors(t, said);
}
