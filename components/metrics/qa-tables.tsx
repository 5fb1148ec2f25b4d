import type { ReactNode } from "react";
import { formatDuration, number, percent } from "@/components/metrics/format";
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
  return (
    <Table
      empty="No decisions in this period."
      headers={["Officer", "Decided", "Sampled", "QA agreement", "Median call finished → decision"]}
      rows={rows.map((r) => ({
        id: r.id,
        name: r.name,
        cells: [
          number.format(r.decided),
          number.format(r.sampled),
          <>
            {percent(r.qaAgreed, r.qaReviewed)}
            <span className="text-xs text-muted"> of {number.format(r.qaReviewed)} reviewed</span>
          </>,
          formatDuration(r.medianCallToDecisionSeconds),
        ],
      }))}
    />
  );
}

/** Per QA reviewer: what waits for them now, and how long the samples they reviewed had waited. */
export function QaReviewerTable({ rows }: { rows: ReviewerQa[] }) {
  return (
    <Table
      empty="No QA reviews assigned or given."
      headers={["QA reviewer", "Backlog now", "Reviewed", "Median review time"]}
      rows={rows.map((r) => ({
        id: r.id,
        name: r.name,
        cells: [number.format(r.backlog), number.format(r.reviewed), formatDuration(r.medianReviewSeconds)],
      }))}
    />
  );
}
