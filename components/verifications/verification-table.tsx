import { Inbox, SearchX } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { useStageClockText } from "@/components/desk/clock-badge";
import { VerificationRows } from "@/components/verifications/verification-rows";
import { describeMoment } from "@/lib/format";
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
  const tStatus = useTranslations("verifications.status");
  const format = quickFormat(t);
  const stageClock = useStageClockText();
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
        <VerificationRows
          rows={rows.map((row) => ({
            id: row.id,
            client: row.clientName ?? row.clientId,
            clientRef: row.clientName ? row.clientId : null,
            scanRef: row.scanRef,
            status: row.status,
            statusLabel: tStatus(row.status),
            stage: stageClock({
              stage: row.stage,
              since: row.stageSince,
              dueAt: row.dueAt,
              clock: row.clock,
            }),
            decision: row.decision ? t(`decision.${row.decision}`) : "—",
            secondReview: row.fourEyesPending,
            recordings: row.recordings,
            assignee: row.assignee,
            created: describeMoment(row.createdAt),
            by: row.createdBy ?? "—",
            selectLabel: selectFor ? format("selectRow", { client: row.clientName ?? row.clientId }) : "",
          }))}
          words={{ unassigned: t("unassigned"), awaitingSecondReview: t("awaitingSecondReview") }}
          selectFor={selectFor}
        />
      </table>
    </div>
  );
}
