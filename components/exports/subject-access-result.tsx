import Link from "next/link";
import { SearchX } from "lucide-react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("exports.subjectAccess");
  const href = `/api/exports/subject-access?clientId=${encodeURIComponent(clientId)}`;
  if (rows.length === 0) {
    return (
      <EmptyState icon={SearchX} title={t("nothingTitle")}>
        <p>{t(scoped ? "nothingScoped" : "nothing", { clientId })}</p>
        <div className="mt-3 flex justify-center">
          <ExportButton href={href} label={t("downloadNothing")} />
        </div>
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">{t(scoped ? "heldScoped" : "held", { count: rows.length, clientId })}</p>
      <ul className="divide-y divide-border rounded-card border border-border bg-surface text-sm">
        {rows.map((row) => (
          <li key={row.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <Link href={`/verifications/${row.id}`} className="font-medium text-accent hover:underline">
              {row.scanRef}
            </Link>
            <StatusBadge status={row.status} />
            <span className="text-muted">
              {t.rich("created", { time: () => <LocalTime at={row.createdAt} /> })}
            </span>
          </li>
        ))}
      </ul>
      <ExportButton href={href} label={t("download")} />
    </div>
  );
}
