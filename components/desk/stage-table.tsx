import { useTranslations } from "next-intl";
import { formatNumber } from "@/components/metrics/format";
import type { StageCount } from "@/lib/desk/queries";

/** Open cases per stage now, with how many are due soon and overdue. */
export function StageTable({ rows }: { rows: readonly StageCount[] }) {
  const t = useTranslations("desk");
  if (!rows.length) return <p className="text-sm text-muted">{t("stageTable.empty")}</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{t("stageTable.caption")}</caption>
      <thead className="border-b border-border text-xs uppercase text-muted">
        <tr>
          <th scope="col" className="py-2 pr-4">
            {t("stageTable.stage")}
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            {t("stageTable.open")}
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            {t("stageTable.dueSoon")}
          </th>
          <th scope="col" className="py-2 text-right">
            {t("stageTable.overdue")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.stage} className="border-b border-border last:border-0">
            <th scope="row" className="py-2 pr-4 font-normal">
              {t(`stage.${r.stage}`)}
            </th>
            <td className="py-2 pr-4 text-right">{formatNumber(r.open)}</td>
            <td className="py-2 pr-4 text-right">{formatNumber(r.dueSoon)}</td>
            <td className={`py-2 text-right ${r.overdue ? "font-semibold text-danger" : ""}`}>
              {formatNumber(r.overdue)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
