import "server-only";
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";
import { getCurrentRulebook } from "@/lib/rulebook/current";

export type ReasonsByOutcome = Record<DecisionOutcome, string[]>;

/** The reasons of the rulebook version in force, per outcome in list order: those a decision may give. */
export async function activeReasons(): Promise<ReasonsByOutcome> {
  return (await getCurrentRulebook()).content.reasons;
}
