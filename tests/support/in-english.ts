import { DomainError } from "@/lib/domain-error";
import { translateMessage } from "@/lib/i18n/form-errors";
import { translatorFor } from "@/lib/i18n/messages";

/**
 * Runs domain code called directly (outside validatedAction, which translates), with a refusal's message key
 * read in English: tests then assert what a person is told.
 */
export async function inEnglish<T>(act: Promise<T>): Promise<T> {
  try {
    return await act;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(translateMessage(translatorFor("en"), error.message, error.values), error.field);
  }
}
