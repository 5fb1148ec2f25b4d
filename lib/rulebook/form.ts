import type { z } from "zod";
import { translateMessage } from "@/lib/i18n/form-errors";
import type { Translator } from "@/lib/i18n/messages";
import { WATCH_OFF } from "@/lib/rulebook/schema";

// The rulebook editor posts one flat field per input ("items.2.onFail.reason"), the only shape a form can
// send. These turn it into rulebook content and turn the content schema's errors back into those names, so
// each error shows under its own input.

const lines = (v: string | undefined) =>
  (v ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

const DECIDE_FIELD = "decideQualification";
const REVIEW_FIELD = "reviewQualification";
const WATCH_REQUIRED_FIELD = "watchRequired";
const WATCH_PERCENT_FIELD = "watchPercent";

/**
 * The share field as posted, in whole percent; a blank stays NaN so that the schema names it. A form without
 * the field (posted by a page from before it) keeps the default share.
 */
const shareOf = (v: string | undefined) =>
  v === undefined ? WATCH_OFF.minShare : v.trim() ? Number(v) / 100 : Number.NaN;

/** Content as posted, not yet validated: blanks stay blanks so that the schema names them. */
export function contentFromForm(values: Record<string, string>): unknown {
  const indices = new Set<number>();
  for (const name of Object.keys(values)) {
    const m = /^items\.(\d+)\./.exec(name);
    if (m) indices.add(Number(m[1]));
  }
  const checklist = [...indices]
    .sort((a, b) => a - b)
    .map((i) => {
      const f = (field: string) => values[`items.${i}.${field}`];
      const kind = f("kind");
      return {
        key: f("key") ?? "",
        label: f("label") ?? "",
        help: f("help") ?? "",
        kind,
        ...(kind === "choice" ? { choices: lines(f("choices")), passChoices: lines(f("passChoices")) } : {}),
        required: f("required") === "on",
        onFail: { outcome: f("onFail.outcome"), reason: f("onFail.reason") ?? "" },
      };
    });
  const qualification = (v: string | undefined) => v?.trim() || null;
  return {
    checklist,
    requiredQualification: {
      decide: qualification(values[DECIDE_FIELD]),
      secondReview: qualification(values[REVIEW_FIELD]),
    },
    watch: {
      required: values[WATCH_REQUIRED_FIELD] === "on",
      minShare: shareOf(values[WATCH_PERCENT_FIELD]),
    },
  };
}

/** The form field an issue belongs to: an item's own input, a policy input, or "checklist" for the list. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [top, index, field, sub] = path;
  if (top === "requiredQualification") return index === "decide" ? DECIDE_FIELD : REVIEW_FIELD;
  if (top === "watch") return index === "required" ? WATCH_REQUIRED_FIELD : WATCH_PERCENT_FIELD;
  if (top !== "checklist" || typeof index !== "number" || typeof field !== "string") return "checklist";
  return field === "onFail" && typeof sub === "string"
    ? `items.${index}.onFail.${sub}`
    : `items.${index}.${field}`;
}

/** Translated here, not by validatedAction: a length limit's message takes the limit as its argument. */
export function fieldErrorsOf(error: z.ZodError, t: Translator): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    const limits = {
      ...("minimum" in issue ? { min: Number(issue.minimum) } : {}),
      ...("maximum" in issue ? { max: Number(issue.maximum) } : {}),
    };
    const message = translateMessage(t, issue.message, limits);
    if (!out[field]?.includes(message)) (out[field] ??= []).push(message);
  }
  return out;
}
