// How long evidence is kept, and the day its keeping ends. All in UTC: the stored timestamps are UTC and a
// server's time zone must never move a deletion. Adding months or years clamps to the month's last day, as
// PostgreSQL's interval arithmetic does (29 February + 1 year = 28 February), so the SQL that selects what is
// due (lib/retention/due.ts) and this function agree; tests/retention/periods.test.ts holds them to it.
import { z } from "zod";
import { messageKey } from "@/lib/i18n/keys";

export const PERIOD_UNITS = ["days", "months", "years"] as const;
type PeriodUnit = (typeof PERIOD_UNITS)[number];

const MAX_AMOUNT: Record<PeriodUnit, number> = { days: 36_500, months: 1_200, years: 100 };

export const periodSchema = z
  .object({
    amount: z
      .int(messageKey("retention.errors.wholeNumber"))
      .min(1, messageKey("retention.errors.atLeastOne")),
    unit: z.enum(PERIOD_UNITS, { message: messageKey("retention.errors.unit") }),
  })
  .refine((p) => p.amount <= MAX_AMOUNT[p.unit], {
    message: messageKey("retention.errors.tooLong"),
    path: ["amount"],
  });
export type RetentionPeriod = z.infer<typeof periodSchema>;

/** The end of keeping: `start` plus the period, month ends clamped. */
export function addPeriod(start: Date, period: RetentionPeriod): Date {
  if (period.unit === "days") return new Date(start.getTime() + period.amount * 86_400_000);
  const months = period.unit === "years" ? period.amount * 12 : period.amount;
  const total = start.getUTCMonth() + months;
  const year = start.getUTCFullYear() + Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const end = new Date(start);
  end.setUTCFullYear(year, month, Math.min(start.getUTCDate(), lastDay));
  return end;
}

/** The same period as PostgreSQL's make_interval arguments. */
export function intervalParts(period: RetentionPeriod): { years: number; months: number; days: number } {
  return {
    years: period.unit === "years" ? period.amount : 0,
    months: period.unit === "months" ? period.amount : 0,
    days: period.unit === "days" ? period.amount : 0,
  };
}
