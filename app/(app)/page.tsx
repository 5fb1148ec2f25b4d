import type { Metadata } from "next";
import Link from "next/link";
import { BarChart3, Plus } from "lucide-react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReassignForm } from "@/components/desk/reassign-form";
import { ExportButton } from "@/components/exports/export-button";
import { ListFilters } from "@/components/verifications/list-filters";
import { ListPagination } from "@/components/verifications/list-pagination";
import { ResultCount } from "@/components/verifications/result-count";
import { VerificationTable } from "@/components/verifications/verification-table";
import { verifySession } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { scopeOf } from "@/lib/auth/record-scope";
import { reassignCases } from "@/lib/desk/actions";
import { deciderOptions } from "@/lib/desk/queries";
import { filterOptions } from "@/lib/verifications/filter-options";
import {
  filtersOf,
  parseListParams,
  toQueryString,
  type RawSearchParams,
} from "@/lib/verifications/list-params";
import { listVerifications } from "@/lib/verifications/queries";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verifications.list");
  return { title: t("title") };
}

export default async function VerificationsPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const user = await verifySession();
  const t = await getTranslations("verifications.list");
  if (!can(user.role, "verification:read")) redirect("/admin/staff");
  const parsed = parseListParams(await searchParams);
  const reassigns = can(user.role, "verification:reassign");
  const [page, options, deciders] = await Promise.all([
    listVerifications(user, parsed.params),
    filterOptions(),
    reassigns ? deciderOptions() : [],
  ]);
  const filters = filtersOf(parsed.params);
  const kept = { ...filters, sort: parsed.params.sort };
  const scope = scopeOf(user);
  const seesAll = scope.kind === "all";
  const scopeNote = seesAll ? null : scope.kind === "mine" ? t("scopeMine") : t("scopeAudit");
  return (
    <RouteMessages route="/">
      <section className="flex flex-col gap-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold">{t("title")}</h1>
            <ResultCount count={page.count} scopeNote={scopeNote} />
          </div>
          <div className="flex flex-wrap items-start gap-2">
            {can(user.role, "export:run") ? (
              <ExportButton
                href={`/api/exports/verifications${toQueryString(kept)}`}
                label={t("exportCsv")}
                csv
              />
            ) : null}
            {can(user.role, "metrics:read") ? (
              <Link
                href={`/metrics${toQueryString(filters)}`}
                className="inline-flex items-center gap-2 rounded-md border border-border bg-surface px-4 py-2 text-sm font-medium hover:bg-raised"
              >
                <BarChart3 className="size-4" aria-hidden />
                {t("metrics")}
              </Link>
            ) : null}
            {can(user.role, "verification:create") ? (
              <Link
                href="/verifications/new"
                className="inline-flex items-center gap-2 rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink"
              >
                <Plus className="size-4" aria-hidden />
                {t("new")}
              </Link>
            ) : null}
          </div>
        </div>
        <ListFilters
          key={toQueryString(parsed.values)}
          path="/"
          values={parsed.values}
          errors={parsed.errors}
          options={options}
          canChooseView={seesAll}
        />
        {reassigns && page.rows.length ? (
          <ReassignForm id="reassign" action={reassignCases} deciders={deciders} />
        ) : null}
        <VerificationTable
          rows={page.rows}
          filtered={Object.keys(filters).length > 0}
          selectFor={reassigns ? "reassign" : undefined}
        />
        <ListPagination path="/" query={kept} prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
      </section>
    </RouteMessages>
  );
}
