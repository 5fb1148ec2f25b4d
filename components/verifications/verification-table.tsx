import Link from "next/link";
import { Inbox } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { StatusBadge } from "@/components/verifications/status-badge";
import type { VerificationRow } from "@/lib/verifications/queries";

export function VerificationTable({ rows }: { rows: VerificationRow[] }) {
  if (rows.length === 0) {
    return (
      <EmptyState icon={Inbox} title="No verifications yet">
        Verifications you create, or that are waiting for an officer, appear here.
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-card border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Verifications, newest first</caption>
        <thead className="border-b border-border text-xs uppercase text-muted">
          <tr>
            <th scope="col" className="px-4 py-3">
              Client
            </th>
            <th scope="col" className="px-4 py-3">
              scanRef
            </th>
            <th scope="col" className="px-4 py-3">
              Status
            </th>
            <th scope="col" className="px-4 py-3">
              Created
            </th>
            <th scope="col" className="px-4 py-3">
              By
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-border last:border-0">
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
              <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(row.createdAt)}</td>
              <td className="px-4 py-3">{row.createdBy ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
