import "server-only";
import type { SessionUser } from "@/lib/auth/dal";
import { csvStream, exportFileName } from "@/lib/exports/csv";
import { listFilterFacts } from "@/lib/exports/filter-facts";
import { auditExport, DOWNLOAD_HEADERS } from "@/lib/exports/audit-export";
import type { RequestMeta } from "@/lib/request-meta";
import { countVerifications } from "@/lib/verifications/count";
import { filtersOf, type ListParams } from "@/lib/verifications/list-params";
import { filterConditions } from "@/lib/verifications/list-sql";
import { clockContext } from "@/lib/desk/policy";
import { currentLanguage } from "@/lib/i18n/current";
import { translatorFor } from "@/lib/i18n/messages";
import { scopeFor, verificationPages, type VerificationRow } from "@/lib/verifications/queries";

const VERIFICATION_COLUMNS = [
  "id",
  "scanRef",
  "clientId",
  "clientName",
  "status",
  "decision",
  "fourEyesPending",
  "recordings",
  "assignee",
  "createdBy",
  "createdAt",
  "updatedAt",
] as const;

const cells = (r: VerificationRow) => [
  r.id,
  r.scanRef,
  r.clientId,
  r.clientName,
  r.status,
  r.decision,
  r.fourEyesPending,
  r.recordings,
  r.assignee,
  r.createdBy,
  r.createdAt,
  r.updatedAt,
];

/** The filtered list as a streamed CSV, in the list's order; audited with its filters before it starts. */
export async function verificationsCsv(user: SessionUser, meta: RequestMeta, params: ListParams) {
  const filters = filtersOf(params);
  const sort = params.sort ?? "created_desc";
  await auditExport(user, meta, {
    action: "export.verifications_csv",
    details: { filters: listFilterFacts(filters), sort },
  });
  const scope = scopeFor(user, filters.view);
  // The header in the exporter's language; the cells stay machine-readable (codes, ISO dates in UTC).
  const t = translatorFor(currentLanguage());
  const header = VERIFICATION_COLUMNS.map((c) => t(`exports.csv.verifications.${c}`));
  const estimate = await countVerifications(filterConditions(filters, scope, await clockContext()));
  return new Response(csvStream(header, verificationPages(user, filters, sort), cells), {
    headers: {
      ...DOWNLOAD_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName("verifications", "csv")}"`,
      // Lets the page show progress against the expected size of the download.
      [estimate.exact ? "X-Row-Count" : "X-Row-Estimate"]: String(estimate.value),
    },
  });
}
