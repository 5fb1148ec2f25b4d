import type en from "@/messages/en.json";
import { translatorFor } from "@/lib/i18n/messages";

// What went wrong with the chain, as a message key and its arguments: the tamper check's page shows it in the
// reader's language, while the CLI scripts, the job's log and the audit event keep the English sentence.

export type ProblemKey = keyof (typeof en)["audit"]["problems"];

export type ProblemText = { key: ProblemKey; values: Record<string, string>; message: string };

const english = translatorFor("en");

export function problemText(key: ProblemKey, values: Record<string, string | bigint>): ProblemText {
  const strings = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.toString()]));
  return { key, values: strings, message: english(`audit.problems.${key}`, strings) };
}
