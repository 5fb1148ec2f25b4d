import Link from "next/link";
import { Inbox, SearchX } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { StageClock } from "@/components/desk/clock-badge";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/verifications/status-badge";
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";
import type { VerificationRow } from "@/lib/verifications/queries";

const DECISION: Record<DecisionOutcome, string> = {
  APPROVE: "Approve",
  REJECT: "Reject",
  REQUEST_RESUBMISSION: "Resubmission",
  ABORT: "Abort",
};

const HEADINGS = [
  "Client",
  "scanRef",
  "Status",
  "Stage",
  "Decision",
  "Recordings",
  "Assignee",
  "Created",
  "By",
];

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
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState icon={SearchX} title="No verifications match">
        Change or clear the filters to see more.
      </EmptyState>
    ) : (
      <EmptyState icon={Inbox} title="No verifications yet">
        Verifications you create, or that are waiting for an officer, appear here.
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-card border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Verifications</caption>
        <thead className="border-b border-border text-xs uppercase text-muted">
          <tr>
            {selectFor ? (
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Select</span>
              </th>
            ) : null}
            {HEADINGS.map((h) => (
              <th key={h} scope="col" className="px-4 py-3 whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-border last:border-0">
              {selectFor ? (
                <td className="px-4 py-3">
                  <input
                    type="checkbox"
                    form={selectFor}
                    name={`case:${row.id}`}
                    aria-label={`Select ${row.clientName ?? row.clientId}`}
                  />
                </td>
              ) : null}
              <td className="px-4 py-3">
                <Link
                  href={`/verifications/${row.id}`}
                  className="block font-medium text-accent hover:underline"
                >
                  {row.clientName ?? row.clientId}
                </Link>
                {row.clientName ? <span className="text-xs text-muted">{row.clientId}</span> : null}
              </td>
              <td className="px-4 py-3 font-mono text-xs">{row.scanRef}</td>
              <td className="px-4 py-3">
                <StatusBadge status={row.status} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                <StageClock stage={row.stage} since={row.stageSince} dueAt={row.dueAt} clock={row.clock} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                {row.decision ? (DECISION[row.decision] ?? row.decision) : "—"}
                {row.fourEyesPending ? (
                  <span className="block text-xs text-warning">Awaiting second review</span>
                ) : null}
              </td>
              <td className="px-4 py-3">{row.recordings || "—"}</td>
              <td className="px-4 py-3">{row.assignee ?? <span className="text-muted">Unassigned</span>}</td>
              <td className="px-4 py-3 whitespace-nowrap">
                <LocalTime at={row.createdAt} />
              </td>
              <td className="px-4 py-3">{row.createdBy ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
