import { getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ChainCheck } from "@/components/audit/chain-check";
import { ExportButton } from "@/components/exports/export-button";
import { ListPagination } from "@/components/verifications/list-pagination";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { writeCheckpointAction } from "@/lib/audit/checkpoint-actions";
import { parseAuditParams } from "@/lib/audit/list-params";
import { auditPeople } from "@/lib/audit/people";
import { auditActors, listAuditEvents } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { currentLanguage } from "@/lib/i18n/current";
import { translateFieldErrors } from "@/lib/i18n/form-errors";
import { translatorFor } from "@/lib/i18n/messages";
import { toQueryString, type RawSearchParams } from "@/lib/verifications/list-params";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata() {
  const t = await getTranslations("audit.page");
  return { title: t("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("audit:read");
  const parsed = parseAuditParams(await searchParams);
  const t = await getTranslations("audit.page");
  // The filters' errors are message keys (lib/audit/list-params.ts).
  const errors = translateFieldErrors(translatorFor(currentLanguage()), parsed.errors) ?? {};
  const [page, actors] = await Promise.all([listAuditEvents(user, parsed.params), auditActors()]);
  const people = await auditPeople(page.rows);
  const { after: _a, before: _b, ...filters } = parsed.params;
  return (
    <RouteMessages route="/admin/audit">
      <section className="flex flex-col gap-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold">{t("title")}</h1>
            <p className="text-sm text-muted">{t("intro")}</p>
          </div>
          {can(user.role, "export:run") ? (
            <ExportButton href={`/api/exports/audit${toQueryString(filters)}`} label={t("export")} csv />
          ) : null}
        </div>
        {can(user.role, "audit:check") ? <ChainCheck checkpointAction={writeCheckpointAction} /> : null}
        <AuditFilters
          key={toQueryString(parsed.values)}
          values={parsed.values}
          errors={errors}
          actors={actors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
          actions={[...AUDIT_ACTIONS]}
        />
        <AuditTable rows={page.rows} people={people} />
        <ListPagination
          path="/admin/audit"
          query={filters}
          prevCursor={page.newerCursor}
          nextCursor={page.olderCursor}
          prevLabel={t("newer")}
          nextLabel={t("older")}
        />
      </section>
    </RouteMessages>
  );
}
