import type { Clock } from "@/lib/desk/clock";

const TONE: Record<Clock, string> = {
  overdue: "border border-danger text-danger",
  due_soon: "border border-warning text-warning",
  on_time: "text-muted",
};

/** A stage clock already worded (components/desk/clock-badge.tsx words it): server and client components show it. */
export type StageClockText = {
  stage: string;
  since: string;
  /** Only when the case is due soon or overdue. */
  clock: { tone: Clock; label: string; due: string | null; dueParenthesis: string | null } | null;
};

export function StageClockView({ stage, since, clock }: StageClockText) {
  return (
    <span className="flex flex-col gap-0.5">
      <span>{stage}</span>
      <span className="text-xs text-muted">{since}</span>
      {clock ? (
        <span
          className={`w-fit rounded px-1.5 text-xs font-medium ${TONE[clock.tone]}`}
          title={clock.due ?? undefined}
        >
          {clock.label}
          {clock.dueParenthesis ? <span className="sr-only"> {clock.dueParenthesis}</span> : null}
        </span>
      ) : null}
    </span>
  );
}
