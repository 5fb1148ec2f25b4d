import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor, type Translator } from "@/lib/i18n/messages";
import type { MarkIdError, MarkIdErrorIdentifier } from "@/lib/markid/types";

// A MarkID failure as staff read it, in their language. MarkIdError.message holds the same text in English for
// logs and stored call history; tests/markid/staff-message.test.ts holds the two to the same words.

const WITH_API_MESSAGE = new Set<MarkIdErrorIdentifier>([
  "BAD_VALUE",
  "MISSING_VALUE",
  "VALIDATION_ERROR",
  "PARTNER_ERROR",
]);

function base(error: MarkIdError, t: Translator): string {
  if (error.outOfCredits) return t("markid.errors.outOfCredits");
  if (error.notExpired) return t("markid.errors.notExpired");
  // Checked before sending: the English detail names the field (zod's own words).
  if (error.identifier === "BAD_VALUE" && error.status === null)
    return t("markid.errors.badInput", { detail: error.message });
  if (error.identifier === "UNKNOWN" && error.status === 404) return t("markid.errors.unknown404");
  if (error.identifier === "UNKNOWN" && error.status === 409) return t("markid.errors.unknown409");
  const text = t(`markid.errors.${error.identifier}`);
  if (error.identifier === "UNKNOWN" && error.status !== null)
    return t("markid.withStatus", { text, status: error.status });
  if (WITH_API_MESSAGE.has(error.identifier) && error.apiMessage) {
    return t("markid.withApiMessage", { text, said: truncate(error.apiMessage, 200) });
  }
  return text;
}

export function staffMessage(error: MarkIdError, t: Translator): string {
  const text = base(error, t);
  return error.mayHaveHappened ? t("markid.mayHaveHappened", { text }) : text;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** In the language of the request (lib/i18n/current.ts): a signed-in person's, English for the API and jobs. */
export function staffMessageNow(error: MarkIdError): string {
  return staffMessage(error, translatorFor(currentLanguage()));
}
