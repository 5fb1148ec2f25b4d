// A purged verification (data retention) keeps its id, status and history, but its client fields
// (names, email, phone, client ID, reference) are replaced by a tombstone and `purgedAt` is set. The audit
// trail names verifications by id only, so whatever shows a client reads the current row and says "deleted"
// once it has been purged: keyed on purgedAt, never on the tombstone's text.

import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor, type Translator } from "@/lib/i18n/messages";

type Purgeable = { purgedAt: Date | null };

export function isPurged(verification: Purgeable): boolean {
  return verification.purgedAt !== null;
}

type Client = Purgeable & { clientId: string; firstName: string | null; lastName: string | null };

/** How a client is named where the trail is read: their name, else their client ID, or "deleted" (in the reader's words). */
export function clientLabel(verification: Client, t: Translator = translatorFor(currentLanguage())): string {
  if (isPurged(verification)) return t("verifications.purged.deleted");
  const name = [verification.firstName, verification.lastName].filter(Boolean).join(" ");
  return name || verification.clientId;
}
