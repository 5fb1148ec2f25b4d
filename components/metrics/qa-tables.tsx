import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { formatDuration, formatNumber, percent } from "@/components/metrics/format";
import type { OfficerQa, ReviewerQa } from "@/lib/metrics/qa-queries";

const cell = "py-2 pr-3";
type Row = { id: string; name: string; cells: ReactNode[] };

function Table({ headers, rows, empty }: { headers: string[]; rows: Row[]; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-muted">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-border">
              <th scope="row" className={`${cell} font-medium`}>
                {r.name}
              </th>
              {r.cells.map((c, i) => (
                <td key={i} className={cell}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Per deciding officer: decided, drawn for QA, QA agreement (agreed over QA-reviewed), call-to-decision pace. */
export function QaOfficerTable({ rows }: { rows: OfficerQa[] }) {
  const t = useTranslations("metrics");
  return (
    <Table
      empty={t("noDecisions")}
      headers={(["officer", "decided", "sampled", "agreement", "median"] as const).map((h) =>
        t(`qaOfficers.${h}`),
      )}
      rows={rows.map((r) => ({
        id: r.id,
        name: r.name,
        cells: [
          formatNumber(r.decided),
          formatNumber(r.sampled),
          <>
            {percent(r.qaAgreed, r.qaReviewed)}
            <span className="text-xs text-muted"> {t("qaOfficers.ofReviewed", { count: r.qaReviewed })}</span>
          </>,
          formatDuration(r.medianCallToDecisionSeconds),
        ],
      }))}
    />
  );
}

/** Per QA reviewer: what waits for them now, and how long the samples they reviewed had waited. */
export function QaReviewerTable({ rows }: { rows: ReviewerQa[] }) {
  const t = useTranslations("metrics.qaReviewers");
  return (
    <Table
      empty={t("empty")}
      headers={(["reviewer", "backlog", "reviewed", "median"] as const).map((h) => t(h))}
      rows={rows.map((r) => ({
        id: r.id,
        name: r.name,
        cells: [formatNumber(r.backlog), formatNumber(r.reviewed), formatDuration(r.medianReviewSeconds)],
      }))}
    />
  );
}
