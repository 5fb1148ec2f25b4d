import type { MessageKey } from "@/lib/i18n/keys";

// Why a QA reviewer disagrees with a decision: a fixed list, so the figures can be read per reason. The English
// text is what is stored and counted; screens and emails show it in the reader's language (messages
// "qa.disagreeReason").
const REASON_KEYS = {
  "The recording does not support a checklist answer": "recording",
  "The evidence was incomplete for this outcome": "evidence",
  "The outcome should have been different": "outcome",
  "The reason or comment does not match the case": "mismatch",
  Other: "other",
} as const;

export type QaDisagreeReason = keyof typeof REASON_KEYS;

export const QA_DISAGREE_REASONS = Object.keys(REASON_KEYS) as QaDisagreeReason[];

/** A listed reason's key under "qa.disagreeReason". */
export function qaReasonKey(reason: QaDisagreeReason) {
  return REASON_KEYS[reason];
}

/** The full message key naming a stored reason; null for one not on the list (then it is shown as stored). */
export function qaReasonMessage(reason: string | null): MessageKey | null {
  const key = reason === null ? undefined : REASON_KEYS[reason as QaDisagreeReason];
  return key ? `qa.disagreeReason.${key}` : null;
}
