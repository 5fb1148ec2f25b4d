import type { Metadata } from "next";
import Link from "next/link";
import { StageTable } from "@/components/desk/stage-table";
import { DayChart } from "@/components/metrics/day-chart";
import { formatDuration, number } from "@/components/metrics/format";
import { OfficerTable } from "@/components/metrics/officer-table";
import { QaOfficerTable, QaReviewerTable } from "@/components/metrics/qa-tables";
import { QueueChart } from "@/components/metrics/queue-chart";
import { ChartCard, Stat } from "@/components/metrics/stat";
import { TimeChart } from "@/components/metrics/time-chart";
import { formatDateTime } from "@/lib/format";
import { ListFilters } from "@/components/verifications/list-filters";
import { requirePermission } from "@/lib/auth/dal";
import { metricsDashboard } from "@/lib/metrics/dashboard";
import { filterOptions } from "@/lib/verifications/filter-options";
import {
  filtersOf,
  parseListParams,
  toQueryString,
  type RawSearchParams,
} from "@/lib/verifications/list-params";

export const metadata: Metadata = { title: "Metrics" };

export default async function MetricsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("metrics:read");
  const parsed = parseListParams(await searchParams);
  const [m, options] = await Promise.all([metricsDashboard(user, filtersOf(parsed.params)), filterOptions()]);
  const agreement = m.reviewed ? `${Math.round((m.confirmed / m.reviewed) * 100)}%` : "—";
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">Metrics</h1>
        <p className="text-sm text-muted">
          Verifications created from {m.range.from} to {m.range.to} (UTC)
          {parsed.values.from || parsed.values.to ? "" : ", the last 30 days"}.
        </p>
      </div>
      <ListFilters
        key={toQueryString(parsed.values)}
        path="/metrics"
        values={parsed.values}
        errors={parsed.errors}
        options={options}
        canChooseView
        showSort={false}
      />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label="Created" value={number.format(m.created)} />
        <Stat label="Decided" value={number.format(m.overall.decided)} />
        <Stat label="Median to decision" value={formatDuration(m.overall.medianSeconds)} />
        <Stat label="90th percentile" value={formatDuration(m.overall.p90Seconds)} />
        <Stat label="Four-eyes agreement" value={agreement} hint={`${number.format(m.reviewed)} reviewed`} />
      </div>
      <ChartCard id="per-day" title="Verifications per day by outcome">
        <DayChart days={m.days} />
      </ChartCard>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard id="times" title="Time from creation to decision">
          <TimeChart days={m.perDayTimes} />
        </ChartCard>
        <ChartCard id="queue" title={`Open queue now: ${number.format(m.queue.open)}`}>
          <QueueChart queue={m.queue} />
          <p className="text-xs text-muted">
            Ignores the dates above.{" "}
            {m.queue.oldest ? `Oldest open since ${formatDateTime(m.queue.oldest)}.` : ""}
          </p>
        </ChartCard>
      </div>
      <ChartCard id="stages" title="Stage clocks now">
        <StageTable rows={m.stages} />
        <p className="text-xs text-muted">
          Open cases by stage, against the targets in Settings; ignores the dates above.{" "}
          <Link href="/?clock=overdue" className="text-accent underline">
            List the overdue cases
          </Link>
          .
        </p>
      </ChartCard>
      <ChartCard id="officers" title="Outcomes and four-eyes agreement per officer">
        <OfficerTable rows={m.officers} />
      </ChartCard>
      <ChartCard id="qa-officers" title="QA per officer">
        <QaOfficerTable rows={m.qaOfficers} />
      </ChartCard>
      <ChartCard id="qa-reviewers" title="QA reviewers">
        <QaReviewerTable rows={m.qaReviewers} />
        <p className="text-xs text-muted">
          Backlog ignores the dates above; review time is from draw to verdict.
        </p>
      </ChartCard>
    </section>
  );
}
