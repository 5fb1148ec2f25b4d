import { useTranslations } from "next-intl";
import { formatDuration, niceMax } from "@/components/metrics/format";
import type { DecisionTimes } from "@/lib/metrics/queries";
import { ChartLegend } from "@/components/metrics/chart-legend";

const H = 180;
const PAD = { left: 48, bottom: 24, top: 8, right: 8 };
const LINES = [
  { key: "medianSeconds", stroke: "stroke-accent", swatch: "bg-accent" },
  { key: "p90Seconds", stroke: "stroke-warning", swatch: "bg-warning" },
] as const;

/** Median and 90th percentile time to decision, per day of creation (hours on the axis). */
export function TimeChart({ days }: { days: (DecisionTimes & { day: string })[] }) {
  const t = useTranslations("metrics");
  if (days.length === 0) return <p className="text-sm text-muted">{t("noDecisions")}</p>;
  const hours = (s: number | null) => (s ?? 0) / 3600;
  const max = niceMax(Math.max(...days.map((d) => hours(d.p90Seconds))));
  const width = 600;
  const x = (i: number) =>
    PAD.left + (days.length === 1 ? 0 : (i / (days.length - 1)) * (width - PAD.left - PAD.right));
  const y = (h: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - h / max);
  const labelEvery = Math.ceil(days.length / 8);
  return (
    <div className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${width} ${H}`} className="h-48 w-full" role="img" aria-label={t("timeChart.label")}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={PAD.left}
              x2={width - PAD.right}
              y1={y(max * f)}
              y2={y(max * f)}
              className="stroke-border"
              strokeWidth={0.5}
            />
            <text x={PAD.left - 4} y={y(max * f) + 3} textAnchor="end" className="fill-muted text-[9px]">
              {formatDuration(max * f * 3600)}
            </text>
          </g>
        ))}
        {LINES.map((line) => (
          <polyline
            key={line.key}
            fill="none"
            strokeWidth={1.5}
            className={line.stroke}
            points={days.map((d, i) => `${x(i)},${y(hours(d[line.key]))}`).join(" ")}
          />
        ))}
        {days.map((d, i) => (
          <g key={d.day}>
            <circle cx={x(i)} cy={y(hours(d.medianSeconds))} r={2} className="fill-accent">
              <title>
                {t("timeChart.point", {
                  day: d.day,
                  median: formatDuration(d.medianSeconds),
                  p90: formatDuration(d.p90Seconds),
                  decided: d.decided,
                })}
              </title>
            </circle>
            {i % labelEvery === 0 ? (
              <text x={x(i)} y={H - 8} textAnchor="middle" className="fill-muted text-[9px]">
                {d.day.slice(5)}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <ChartLegend items={LINES.map((l) => ({ ...l, label: t(`timeChart.${l.key}`) }))} shape="line" />
    </div>
  );
}
