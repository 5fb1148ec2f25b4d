import { z } from "zod";
import type { DeskStage } from "@/lib/generated/prisma/enums";

// The officer's desk (lib/desk): automatic assignment, and how long a case may stay in each stage.

/** Stages that have a clock: a decided case waits for nobody. */
export type TimedStage = Exclude<DeskStage, "DECIDED">;
export const TIMED_STAGES = [
  "CREATED",
  "LINK_SENT",
  "LINK_OPENED",
  "CALL_FINISHED",
  "RECORDINGS_ARCHIVED",
  "AWAITING_DECISION",
  "AWAITING_SECOND_REVIEW",
] as const satisfies readonly TimedStage[];

/** Minutes a case may stay in each stage; null: no target. */
export type StageTargets = Record<TimedStage, number | null>;

export const MAX_TARGET_MINUTES = 30 * 24 * 60;

export const DEFAULT_STAGE_TARGETS: StageTargets = {
  CREATED: 60,
  LINK_SENT: 24 * 60,
  LINK_OPENED: 60,
  CALL_FINISHED: 30,
  RECORDINGS_ARCHIVED: 30,
  AWAITING_DECISION: 4 * 60,
  AWAITING_SECOND_REVIEW: 24 * 60,
};

const minutes = z.number().int().min(1).max(MAX_TARGET_MINUTES).nullable();

export const STAGE_TARGETS = z
  .object(Object.fromEntries(TIMED_STAGES.map((s) => [s, minutes])) as Record<TimedStage, typeof minutes>)
  .catch(DEFAULT_STAGE_TARGETS);

/** A case is due soon in the last this-many percent of its stage's target. */
export const DUE_SOON_PERCENT = z.number().int().min(1).max(99).catch(20);

/** Whether new cases, and cases whose assignee left, are handed out by themselves. Off until an admin says. */
export const AUTO_ASSIGN = z.boolean().catch(false);
