import { number, percent } from "@/components/metrics/format";
import type { OfficerStats } from "@/lib/metrics/queries";

const MIX = [
  { key: "approve", label: "approve", swatch: "bg-success" },
  { key: "reject", label: "reject", swatch: "bg-danger" },
  { key: "resubmission", label: "resubmission", swatch: "bg-warning" },
  { key: "abort", label: "abort", swatch: "bg-muted" },
] as const;

/** Outcomes and four-eyes agreement per deciding officer: agreement is confirmed over all reviewed. */
export function OfficerTable({ rows }: { rows: OfficerStats[] }) {
  if (rows.length === 0) return <p className="text-sm text-muted">No decisions in this period.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Officer
            </th>
            <th scope="col" className="py-2 pr-3">
              Decisions
            </th>
            <th scope="col" className="py-2 pr-3">
              Outcomes
            </th>
            <th scope="col" className="py-2 pr-3">
              Reviewed
            </th>
            <th scope="col" className="py-2 pr-3">
              Agreement
            </th>
            <th scope="col" className="py-2">
              Pending review
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const reviewed = r.confirmed + r.overruled;
            const mix = MIX.map((m) => `${r[m.key]} ${m.label}`).join(", ");
            return (
              <tr key={r.id} className="border-t border-border">
                <th scope="row" className="py-2 pr-3 font-medium">
                  {r.name}
                </th>
                <td className="py-2 pr-3">{number.format(r.decisions)}</td>
                <td className="py-2 pr-3">
                  <div
                    className="flex h-3 w-40 overflow-hidden rounded-sm bg-raised"
                    role="img"
                    aria-label={mix}
                    title={mix}
                  >
                    {MIX.map((m) => (
                      <span
                        key={m.key}
                        className={m.swatch}
                        style={{ width: percent(r[m.key], r.decisions) }}
                      />
                    ))}
                  </div>
                </td>
                <td className="py-2 pr-3">{number.format(reviewed)}</td>
                <td className="py-2 pr-3">
                  {percent(r.confirmed, reviewed)}
                  {r.overruled ? (
                    <span className="block text-xs text-muted">{r.overruled} overruled</span>
                  ) : null}
                </td>
                <td className="py-2">{r.pending || "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
