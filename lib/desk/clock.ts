import type { DeskStage } from "@/lib/generated/prisma/enums";
import type { StageTargets } from "@/lib/settings/desk-settings";

// A stage's clock: when its target falls due and whether the case is on time, due soon or overdue. Pure, and
// stated once more in SQL (lib/desk/stage-sql.ts) with the same boundaries: overdue strictly after the due
// moment, due soon from the last `dueSoonPercent` of the target up to and including it.

export const CLOCKS = ["overdue", "due_soon", "on_time"] as const;
export type Clock = (typeof CLOCKS)[number];

export type ClockPolicy = { targets: StageTargets; dueSoonPercent: number };

export type StageClock = { dueAt: Date | null; clock: Clock | null };

const MINUTE = 60_000;

function targetMinutes(stage: DeskStage, targets: StageTargets): number | null {
  return stage === "DECIDED" ? null : targets[stage];
}

export function clockOf(stage: DeskStage, since: Date, policy: ClockPolicy, now: Date): StageClock {
  const target = targetMinutes(stage, policy.targets);
  if (target === null) return { dueAt: null, clock: null };
  const dueAt = new Date(since.getTime() + target * MINUTE);
  const soonFrom = dueAt.getTime() - (target * MINUTE * policy.dueSoonPercent) / 100;
  const t = now.getTime();
  const clock: Clock = t > dueAt.getTime() ? "overdue" : t >= soonFrom ? "due_soon" : "on_time";
  return { dueAt, clock };
}

/** The policy with the moment it is read at, as the SQL form takes it. */
export type ClockContext = ClockPolicy & { now: Date };
