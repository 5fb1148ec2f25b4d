import { z } from "zod";
import { messageKey } from "@/lib/i18n/keys";

// Settings for QA sampling and risk signals (lib/qa, lib/risk); stored one key each, like every setting.

const DEFAULT_SAMPLE_SHARE = 0.1;

const share = z.number().min(0).max(1).catch(DEFAULT_SAMPLE_SHARE);

/** The share of final decisions drawn for QA, per outcome. */
export const QA_SAMPLE_SHARE = z
  .object({ APPROVE: share, REJECT: share, REQUEST_RESUBMISSION: share, ABORT: share })
  .catch({
    APPROVE: DEFAULT_SAMPLE_SHARE,
    REJECT: DEFAULT_SAMPLE_SHARE,
    REQUEST_RESUBMISSION: DEFAULT_SAMPLE_SHARE,
    ABORT: DEFAULT_SAMPLE_SHARE,
  });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Working hours: ISO weekdays (1 Monday … 7 Sunday), from start to end (HH:MM, start before end), local time. */
export const WORKING_HOURS_SHAPE = z
  .object({
    timeZone: z.string().refine(isTimeZone, messageKey("settings.errors.notTimeZone")),
    days: z.array(z.number().int().min(1).max(7)).max(7),
    start: z.string().regex(clock, messageKey("settings.errors.useHhMm")),
    end: z.string().regex(clock, messageKey("settings.errors.useHhMm")),
  })
  .refine((h) => h.start < h.end, {
    message: messageKey("settings.errors.hoursEndAfterStart"),
    path: ["end"],
  });

export type WorkingHours = z.infer<typeof WORKING_HOURS_SHAPE>;

const DEFAULT_WORKING_HOURS: WorkingHours = {
  timeZone: "UTC",
  days: [1, 2, 3, 4, 5],
  start: "08:00",
  end: "18:00",
};

export const WORKING_HOURS = WORKING_HOURS_SHAPE.catch(DEFAULT_WORKING_HOURS);

/** A call shorter than this is a risk signal. */
const DEFAULT_MIN_CALL_SECONDS = 60;
export const MIN_CALL_SECONDS = z.number().int().min(0).max(3600).catch(DEFAULT_MIN_CALL_SECONDS);
