import Link from "next/link";
import { Inbox, SearchX } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { StageClock } from "@/components/desk/clock-badge";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/verifications/status-badge";
import { quickFormat } from "@/lib/i18n/quick-format";
import type { VerificationRow } from "@/lib/verifications/queries";

const HEADINGS = [
  "client",
  "scanRef",
  "status",
  "stage",
  "decision",
  "recordings",
  "assignee",
  "created",
  "by",
] as const;

export function VerificationTable({
  rows,
  filtered = false,
  selectFor,
}: {
  rows: VerificationRow[];
  filtered?: boolean;
  /** The id of a form (a lead's reassignment) that each row's checkbox belongs to; none: no checkboxes. */
  selectFor?: string;
}) {
  const t = useTranslations("verifications.table");
  const format = quickFormat(t);
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState icon={SearchX} title={t("noMatchTitle")}>
        {t("noMatch")}
      </EmptyState>
    ) : (
      <EmptyState icon={Inbox} title={t("emptyTitle")}>
        {t("empty")}
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-card border border-border bg-surface">
      {/* Cell padding and row rules are set once here, not on each of the 500 cells: every class on a cell is
          rendered twice per request (HTML and the RSC payload), fifty times over. */}
      <table className="w-full text-left text-sm [&_td]:px-4 [&_td]:py-3 [&_th]:px-4 [&_th]:py-3">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-border text-xs uppercase text-muted">
          <tr>
            {selectFor ? (
              <th scope="col">
                <span className="sr-only">{t("select")}</span>
              </th>
            ) : null}
            {HEADINGS.map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap">
                {t(`headings.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={row.id}>
              {selectFor ? (
                <td>
                  <input
                    type="checkbox"
                    form={selectFor}
                    name={`case:${row.id}`}
                    aria-label={format("selectRow", { client: row.clientName ?? row.clientId })}
                  />
                </td>
              ) : null}
              <td>
                <Link
                  href={`/verifications/${row.id}`}
                  className="block font-medium text-accent hover:underline"
                >
                  {row.clientName ?? row.clientId}
                </Link>
                {row.clientName ? <span className="text-xs text-muted">{row.clientId}</span> : null}
              </td>
              <td className="font-mono text-xs">{row.scanRef}</td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              <td className="whitespace-nowrap">
                <StageClock stage={row.stage} since={row.stageSince} dueAt={row.dueAt} clock={row.clock} />
              </td>
              <td className="whitespace-nowrap">
                {row.decision ? t(`decision.${row.decision}`) : "—"}
                {row.fourEyesPending ? (
                  <span className="block text-xs text-warning">{t("awaitingSecondReview")}</span>
                ) : null}
              </td>
              <td>{row.recordings || "—"}</td>
              <td>{row.assignee ?? <span className="text-muted">{t("unassigned")}</span>}</td>
              <td className="whitespace-nowrap">
                <LocalTime at={row.createdAt} />
              </td>
              <td>{row.createdBy ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
