import type { ListFilters } from "@/lib/verifications/list-params";

const DEFAULT_DAYS = 30;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Metrics need a bounded period: without dates, the last 30 days (UTC) up to today. */
export function withDefaultRange(
  filters: ListFilters,
  today = new Date(),
): ListFilters & { from: string; to: string } {
  const to = filters.to ?? isoDay(today);
  const from =
    filters.from ?? isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000));
  return { ...filters, from, to };
}

/** Every day of the range, so that a day with nothing still shows as an empty bar. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(isoDay(new Date(t)));
    if (days.length > 1000) break;
  }
  return days;
}
