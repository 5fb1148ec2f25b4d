import { useTranslations } from "next-intl";
import type { Clock } from "@/lib/desk/clock";
import { formatDateTime } from "@/lib/format";
import { quickFormat } from "@/lib/i18n/quick-format";
import type { DeskStage } from "@/lib/generated/prisma/enums";

const TONE: Record<Clock, string> = {
  overdue: "border border-danger text-danger",
  due_soon: "border border-warning text-warning",
  on_time: "text-muted",
};

/** A case's stage, since when, and its clock when it is due soon or overdue. */
export function StageClock({
  stage,
  since,
  dueAt,
  clock,
}: {
  stage: DeskStage;
  since: Date;
  dueAt: Date | null;
  clock: Clock | null;
}) {
  const t = useTranslations("desk");
  // Once per row of a list: see lib/i18n/quick-format.ts.
  const format = quickFormat(t);
  return (
    <span className="flex flex-col gap-0.5">
      <span>{t(`stage.${stage}`)}</span>
      <span className="text-xs text-muted">{format("stageClock.since", { at: formatDateTime(since) })}</span>
      {clock && clock !== "on_time" ? (
        <span
          className={`w-fit rounded px-1.5 text-xs font-medium ${TONE[clock]}`}
          title={dueAt ? format("stageClock.due", { at: formatDateTime(dueAt) }) : undefined}
        >
          {t(`clock.${clock}`)}
          {dueAt ? (
            <span className="sr-only">
              {" "}
              {format("stageClock.dueParenthesis", { at: formatDateTime(dueAt) })}
            </span>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}
