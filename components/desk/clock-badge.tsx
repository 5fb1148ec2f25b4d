import { useTranslations } from "next-intl";
import { StageClockView, type StageClockText } from "@/components/desk/stage-clock-view";
import type { Clock } from "@/lib/desk/clock";
import { formatDateTime } from "@/lib/format";
import type { DeskStage } from "@/lib/generated/prisma/enums";
import { quickFormat } from "@/lib/i18n/quick-format";

type StageClockProps = { stage: DeskStage; since: Date; dueAt: Date | null; clock: Clock | null };

/** Words a case's stage clock in the reader's language and time zone; once per row of a list. */
export function useStageClockText(): (props: StageClockProps) => StageClockText {
  const t = useTranslations("desk");
  // See lib/i18n/quick-format.ts.
  const format = quickFormat(t);
  return ({ stage, since, dueAt, clock }) => {
    const due = dueAt ? formatDateTime(dueAt) : null;
    return {
      stage: t(`stage.${stage}`),
      since: format("stageClock.since", { at: formatDateTime(since) }),
      clock:
        clock && clock !== "on_time"
          ? {
              tone: clock,
              label: t(`clock.${clock}`),
              due: due ? format("stageClock.due", { at: due }) : null,
              dueParenthesis: due ? format("stageClock.dueParenthesis", { at: due }) : null,
            }
          : null,
    };
  };
}

/** A case's stage, since when, and its clock when it is due soon or overdue. */
export function StageClock(props: StageClockProps) {
  return <StageClockView {...useStageClockText()(props)} />;
}
