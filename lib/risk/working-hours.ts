import type { WorkingHours } from "@/lib/settings/qa-settings";

const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const DAY_NAME = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The moment in the working hours' time zone: ISO weekday, minutes after midnight, and as text. */
export function localTime(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const weekday = WEEKDAY[parts.weekday ?? ""] ?? 0;
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  const text = `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  return { weekday, minutes, text };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function withinWorkingHours(at: Date, hours: WorkingHours): boolean {
  const { weekday, minutes } = localTime(at, hours.timeZone);
  return hours.days.includes(weekday) && minutes >= toMinutes(hours.start) && minutes < toMinutes(hours.end);
}

/** "Mon–Fri 08:00–18:00", or the days listed one by one when they are not a run. */
export function describeHours(hours: WorkingHours): string {
  const days = [...hours.days].sort();
  const run = days.length > 1 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText = !days.length
    ? "no days"
    : run
      ? `${DAY_NAME[days[0]!]}–${DAY_NAME[days.at(-1)!]}`
      : days.map((d) => DAY_NAME[d]).join(", ");
  return `${dayText} ${hours.start}–${hours.end}`;
}
