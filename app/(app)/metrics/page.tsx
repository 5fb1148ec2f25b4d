import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StageTable } from "@/components/desk/stage-table";
import { DayChart } from "@/components/metrics/day-chart";
import { formatDuration, formatNumber, percent } from "@/components/metrics/format";
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
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metrics.page");
  return { title: t("title") };
}

export default async function MetricsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("metrics:read");
  const parsed = parseListParams(await searchParams);
  const [m, options] = await Promise.all([metricsDashboard(user, filtersOf(parsed.params)), filterOptions()]);
  const t = await getTranslations("metrics.page");
  const agreement = percent(m.confirmed, m.reviewed);
  return (
    <RouteMessages route="/metrics">
      <section className="flex flex-col gap-4">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-muted">
            {t(parsed.values.from || parsed.values.to ? "range" : "rangeDefault", m.range)}
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
          <Stat label={t("created")} value={formatNumber(m.created)} />
          <Stat label={t("decided")} value={formatNumber(m.overall.decided)} />
          <Stat label={t("medianToDecision")} value={formatDuration(m.overall.medianSeconds)} />
          <Stat label={t("p90")} value={formatDuration(m.overall.p90Seconds)} />
          <Stat label={t("agreement")} value={agreement} hint={t("reviewedCount", { count: m.reviewed })} />
        </div>
        <ChartCard id="per-day" title={t("perDay")}>
          <DayChart days={m.days} />
        </ChartCard>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartCard id="times" title={t("times")}>
            <TimeChart days={m.perDayTimes} />
          </ChartCard>
          <ChartCard id="queue" title={t("queue", { count: m.queue.open })}>
            <QueueChart queue={m.queue} />
            <p className="text-xs text-muted">
              {t("ignoresDates")}{" "}
              {m.queue.oldest ? t("oldestSince", { at: formatDateTime(m.queue.oldest) }) : ""}
            </p>
          </ChartCard>
        </div>
        <ChartCard id="stages" title={t("stages")}>
          <StageTable rows={m.stages} />
          <p className="text-xs text-muted">
            {t.rich("stagesNote", {
              link: (chunks) => (
                <Link href="/?clock=overdue" className="text-accent underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </ChartCard>
        <ChartCard id="officers" title={t("officers")}>
          <OfficerTable rows={m.officers} />
        </ChartCard>
        <ChartCard id="qa-officers" title={t("qaOfficers")}>
          <QaOfficerTable rows={m.qaOfficers} />
        </ChartCard>
        <ChartCard id="qa-reviewers" title={t("qaReviewers")}>
          <QaReviewerTable rows={m.qaReviewers} />
          <p className="text-xs text-muted">{t("qaReviewersNote")}</p>
        </ChartCard>
      </section>
    </RouteMessages>
  );
}
