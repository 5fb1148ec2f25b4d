import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import type { AuditFilters } from "@/lib/audit/list-params";
import { auditPages } from "@/lib/audit/queries";
import { csvStream, exportFileName } from "@/lib/exports/csv";
import { auditFilterFacts } from "@/lib/exports/filter-facts";
import { auditExport, DOWNLOAD_HEADERS } from "@/lib/exports/audit-export";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import type { RequestMeta } from "@/lib/request-meta";

// Every column, hashes included, so that a reader can re-check the chain from the file alone.
const AUDIT_COLUMNS = [
  "id",
  "occurredAt",
  "actorId",
  "actorEmail",
  "action",
  "targetType",
  "targetId",
  "requestId",
  "ip",
  "userAgent",
  "details",
  "prevHash",
  "hash",
] as const;

const cells = (e: AuditEvent) => [
  e.id,
  e.occurredAt,
  e.actorId,
  e.actorEmail,
  e.action,
  e.targetType,
  e.targetId,
  e.requestId,
  e.ip,
  e.userAgent,
  JSON.stringify(e.details),
  e.prevHash,
  e.hash,
];

/** The audit log (filtered) as a streamed CSV in chain order; the export is audited before it starts. */
export async function auditCsv(user: SessionUser, meta: RequestMeta, filters: AuditFilters) {
  await auditExport(user, meta, {
    action: "export.audit_csv",
    details: { filters: auditFilterFacts(filters) },
  });
  // The header in the exporter's language; the cells stay as the chain hashed them.
  const t = translatorFor(currentLanguage());
  const header = AUDIT_COLUMNS.map((c) => t(`exports.csv.audit.${c}`));
  return new Response(csvStream(header, auditPages(user, filters), cells), {
    headers: {
      ...DOWNLOAD_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName("audit-log", "csv")}"`,
    },
  });
}
