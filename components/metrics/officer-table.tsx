import { useTranslations } from "next-intl";
import { cssPercent, formatNumber, percent } from "@/components/metrics/format";
import type { OfficerStats } from "@/lib/metrics/queries";

const MIX = [
  { key: "approve", swatch: "bg-success" },
  { key: "reject", swatch: "bg-danger" },
  { key: "resubmission", swatch: "bg-warning" },
  { key: "abort", swatch: "bg-muted" },
] as const;

/** Outcomes and four-eyes agreement per deciding officer: agreement is confirmed over all reviewed. */
export function OfficerTable({ rows }: { rows: OfficerStats[] }) {
  const t = useTranslations("metrics");
  if (rows.length === 0) return <p className="text-sm text-muted">{t("noDecisions")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3">
              {t("officerTable.officer")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("officerTable.decisions")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("officerTable.outcomes")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("officerTable.reviewed")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("officerTable.agreement")}
            </th>
            <th scope="col" className="py-2">
              {t("officerTable.pending")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const reviewed = r.confirmed + r.overruled;
            const mix = MIX.map((m) => t(`officerTable.mix.${m.key}`, { count: r[m.key] })).join(", ");
            return (
              <tr key={r.id} className="border-t border-border">
                <th scope="row" className="py-2 pr-3 font-medium">
                  {r.name}
                </th>
                <td className="py-2 pr-3">{formatNumber(r.decisions)}</td>
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
                        style={{ width: cssPercent(r[m.key], r.decisions) }}
                      />
                    ))}
                  </div>
                </td>
                <td className="py-2 pr-3">{formatNumber(reviewed)}</td>
                <td className="py-2 pr-3">
                  {percent(r.confirmed, reviewed)}
                  {r.overruled ? (
                    <span className="block text-xs text-muted">
                      {t("officerTable.overruled", { count: r.overruled })}
                    </span>
                  ) : null}
                </td>
                <td className="py-2">{r.pending ? formatNumber(r.pending) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
