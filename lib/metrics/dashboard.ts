import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import { qaPerOfficer, qaPerReviewer } from "@/lib/metrics/qa-queries";
import { daysOf, withDefaultRange } from "@/lib/metrics/range";
import { decisionTimes, perDay, perOfficer, queueAge, type DayCounts } from "@/lib/metrics/queries";
import { clockContext } from "@/lib/desk/policy";
import { stageCounts } from "@/lib/desk/queries";
import type { ListFilters } from "@/lib/verifications/list-params";
import { scopeFor } from "@/lib/verifications/queries";

const EMPTY = { approved: 0, denied: 0, resubmission: 0, aborted: 0, expired: 0, open: 0 };

/** Everything the metrics page shows, for the list's filters (and, without dates, the last 30 days). */
export async function metricsDashboard(user: SessionUser, { clock: _c, ...filters }: ListFilters) {
  // The clock filter picks cases by where they stand now; the counts per stage below show that instead.
  const ranged = withDefaultRange(filters);
  const scope = scopeFor(user, ranged.view);
  const clock = await clockContext();
  const [counts, times, officers, queue, qaOfficers, qaReviewers, stages] = await Promise.all([
    perDay(ranged, scope),
    decisionTimes(ranged, scope),
    perOfficer(ranged, scope),
    queueAge(ranged, scope),
    qaPerOfficer(ranged, scope),
    qaPerReviewer(ranged, scope),
    stageCounts(ranged, scope, clock),
  ]);
  const byDay = new Map(counts.map((c) => [c.day, c]));
  const days: DayCounts[] = daysOf(ranged.from, ranged.to).map((day) => byDay.get(day) ?? { day, ...EMPTY });
  const overall = times.find((t) => t.day === null) ?? {
    day: null,
    decided: 0,
    medianSeconds: null,
    p90Seconds: null,
  };
  const perDayTimes = times.filter((t): t is typeof t & { day: string } => t.day !== null);
  const created = counts.reduce((sum, c) => sum + rowTotal(c), 0);
  const reviewed = officers.reduce((s, o) => s + o.confirmed + o.overruled, 0);
  const confirmed = officers.reduce((s, o) => s + o.confirmed, 0);
  return {
    range: { from: ranged.from, to: ranged.to },
    days,
    overall,
    perDayTimes,
    officers,
    queue,
    created,
    reviewed,
    confirmed,
    qaOfficers,
    qaReviewers,
    stages,
  };
}

function rowTotal(c: DayCounts): number {
  return c.approved + c.denied + c.resubmission + c.aborted + c.expired + c.open;
}
