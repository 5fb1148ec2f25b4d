import { useTranslations } from "next-intl";
import { formatNumber, niceMax } from "@/components/metrics/format";
import type { DayCounts } from "@/lib/metrics/queries";
import { ChartLegend } from "@/components/metrics/chart-legend";

const SERIES = [
  { key: "approved", fill: "fill-success", swatch: "bg-success" },
  { key: "denied", fill: "fill-danger", swatch: "bg-danger" },
  { key: "resubmission", fill: "fill-warning", swatch: "bg-warning" },
  { key: "aborted", fill: "fill-muted", swatch: "bg-muted" },
  { key: "expired", fill: "fill-border", swatch: "bg-border" },
  { key: "open", fill: "fill-accent", swatch: "bg-accent" },
] as const;

const H = 200;
const PAD = { left: 40, bottom: 24, top: 8 };

/** Verifications per day, stacked by outcome; the same numbers as a table for screen readers. */
export function DayChart({ days }: { days: DayCounts[] }) {
  const t = useTranslations("metrics.dayChart");
  const series = SERIES.map((s) => ({ ...s, label: t(`series.${s.key}`) }));
  const total = (d: DayCounts) => SERIES.reduce((sum, s) => sum + d[s.key], 0);
  const max = niceMax(Math.max(0, ...days.map(total)));
  // A fixed drawing width: the bars share it, so the chart fills its card whatever the range.
  const width = 800;
  const bar = (width - PAD.left - 8) / Math.max(days.length, 1);
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max);
  const labelEvery = Math.ceil(days.length / 8);
  return (
    <div className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${width} ${H}`} className="h-52 w-full" role="img" aria-label={t("label")}>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line
              x1={PAD.left}
              x2={width}
              y1={y(max * f)}
              y2={y(max * f)}
              className="stroke-border"
              strokeWidth={0.5}
            />
            <text x={PAD.left - 4} y={y(max * f) + 3} textAnchor="end" className="fill-muted text-[9px]">
              {formatNumber(max * f)}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          let top = 0;
          const x = PAD.left + i * bar + bar * 0.1;
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${SERIES.map((s) => t(`count.${s.key}`, { count: d[s.key] })).join(", ")}`}</title>
              {SERIES.map((s) => {
                const from = top;
                top += d[s.key];
                return d[s.key] ? (
                  <rect
                    key={s.key}
                    x={x}
                    width={bar - 3}
                    y={y(top)}
                    height={y(from) - y(top)}
                    className={s.fill}
                  />
                ) : null;
              })}
              {i % labelEvery === 0 ? (
                <text x={x} y={H - 8} className="fill-muted text-[9px]">
                  {d.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ChartLegend items={series} shape="block" />
      <details className="text-xs">
        <summary className="cursor-pointer text-muted">{t("showTable")}</summary>
        <table className="mt-2 w-full text-left">
          <thead>
            <tr>
              <th scope="col">{t("day")}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row" className="font-normal">
                  {d.day}
                </th>
                {SERIES.map((s) => (
                  <td key={s.key}>{formatNumber(d[s.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
