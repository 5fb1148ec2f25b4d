import Link from "next/link";
import { SearchX } from "lucide-react";
import { ExportButton } from "@/components/exports/export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/verifications/status-badge";
import { LocalTime } from "@/components/ui/local-time";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

type Row = { id: string; scanRef: string; status: VerificationStatus; createdAt: Date };

/** What a lookup found, and the export that answers the request: also when nothing is held. */
export function SubjectAccessResult({
  clientId,
  rows,
  scoped,
}: {
  clientId: string;
  rows: Row[];
  scoped: boolean;
}) {
  const href = `/api/exports/subject-access?clientId=${encodeURIComponent(clientId)}`;
  const within = scoped ? " within your audit scope" : "";
  if (rows.length === 0) {
    return (
      <EmptyState icon={SearchX} title="Nothing held for this client ID">
        <p>
          No verification{within} has the client ID {clientId}. Download the answer to keep on file: it states
          that nothing is held, and the export is audited.
        </p>
        <div className="mt-3 flex justify-center">
          <ExportButton href={href} label="Download the “nothing held” answer" />
        </div>
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">
        {rows.length} {rows.length === 1 ? "verification is" : "verifications are"} held{within} for client ID{" "}
        {clientId}.
      </p>
      <ul className="divide-y divide-border rounded-card border border-border bg-surface text-sm">
        {rows.map((row) => (
          <li key={row.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <Link href={`/verifications/${row.id}`} className="font-medium text-accent hover:underline">
              {row.scanRef}
            </Link>
            <StatusBadge status={row.status} />
            <span className="text-muted">
              Created <LocalTime at={row.createdAt} />
            </span>
          </li>
        ))}
      </ul>
      <ExportButton href={href} label="Download subject access export" />
    </div>
  );
}
