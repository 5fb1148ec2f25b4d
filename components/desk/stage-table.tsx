import { STAGE_LABEL } from "@/lib/desk/stage";
import type { StageCount } from "@/lib/desk/queries";

/** Open cases per stage now, with how many are due soon and overdue. */
export function StageTable({ rows }: { rows: readonly StageCount[] }) {
  if (!rows.length) return <p className="text-sm text-muted">No open cases.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Open cases per stage</caption>
      <thead className="border-b border-border text-xs uppercase text-muted">
        <tr>
          <th scope="col" className="py-2 pr-4">
            Stage
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            Open
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            Due soon
          </th>
          <th scope="col" className="py-2 text-right">
            Overdue
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.stage} className="border-b border-border last:border-0">
            <th scope="row" className="py-2 pr-4 font-normal">
              {STAGE_LABEL[r.stage]}
            </th>
            <td className="py-2 pr-4 text-right">{r.open}</td>
            <td className="py-2 pr-4 text-right">{r.dueSoon}</td>
            <td className={`py-2 text-right ${r.overdue ? "font-semibold text-danger" : ""}`}>{r.overdue}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
