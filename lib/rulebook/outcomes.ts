// Plain constants of the rulebook, apart from its zod schema so that client forms can use them without it.

/** The outcomes a failed item may suggest, most severe first (lib/rulebook/rules.ts ranks by this order). */
export const FAIL_OUTCOMES = ["ABORT", "REJECT", "REQUEST_RESUBMISSION"] as const;
export type FailOutcome = (typeof FAIL_OUTCOMES)[number];

export const ITEM_KINDS = ["pass_fail", "choice"] as const;
