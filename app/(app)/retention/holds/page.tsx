import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HoldForm } from "@/components/retention/hold-form";
import { ActionButton } from "@/components/ui/action-button";
import { requirePermission } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { LocalTime } from "@/components/ui/local-time";
import { formatDateTime } from "@/lib/format";
import { liftLegalHold, placeCaseHold, placeClientHold } from "@/lib/retention/hold-actions";
import { legalHolds, type HoldRow } from "@/lib/retention/queries";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata() {
  const t = await getTranslations("retention.holds");
  return { title: t("title") };
}

type Search = Promise<{ verification?: string }>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const lastDayOf = (h: HoldRow) =>
  h.endsAt ? new Date(h.endsAt.getTime() - 86_400_000).toISOString().slice(0, 10) : null;

export default async function LegalHoldsPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("retention:manage");
  const [{ active, lifted }, query] = await Promise.all([legalHolds(), searchParams]);
  const caseId = query.verification && UUID.test(query.verification) ? query.verification : null;
  const opensCases = can(user.role, "verification:read-all");
  const t = await getTranslations("retention.holds");
  const lastDay = (h: HoldRow) => lastDayOf(h) ?? t("noEnd");
  const what = (h: HoldRow) =>
    h.verificationId ? (
      opensCases ? (
        <Link href={`/verifications/${h.verificationId}`} className="underline">
          {t("verification", { id: h.verificationId.slice(0, 8) })}
        </Link>
      ) : (
        t("verification", { id: h.verificationId.slice(0, 8) })
      )
    ) : (
      t("everyVerification", { clientId: h.clientId ?? "" })
    );
  return (
    <RouteMessages route="/retention/holds">
      <div className="flex flex-col gap-6">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <div className="grid gap-6 md:grid-cols-2">
          {caseId ? (
            <section aria-labelledby="hold-case" className="flex flex-col gap-2">
              <h2 id="hold-case" className="font-semibold">
                {t("holdCase", { id: caseId.slice(0, 8) })}
              </h2>
              <HoldForm action={placeCaseHold.bind(null, caseId)} idPrefix="case" />
            </section>
          ) : null}
          <section aria-labelledby="hold-client" className="flex flex-col gap-2">
            <h2 id="hold-client" className="font-semibold">
              {t("holdClient")}
            </h2>
            <HoldForm action={placeClientHold} byClient idPrefix="client" />
          </section>
        </div>
        <section aria-labelledby="active" className="flex flex-col gap-2">
          <h2 id="active" className="font-semibold">
            {t("inPlace", { count: active.length })}
          </h2>
          <ul className="divide-y divide-border rounded-card border border-border bg-surface text-sm">
            {active.map((h) => (
              <li key={h.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-2">
                <span>
                  {what(h)} — {h.reason}
                  <span className="block text-xs text-muted">
                    {t.rich("placed", {
                      name: h.placedBy,
                      lastDay: lastDay(h),
                      time: () => <LocalTime at={h.placedAt} />,
                    })}
                  </span>
                </span>
                <ActionButton
                  action={liftLegalHold.bind(null, h.id)}
                  label={t("lift")}
                  pendingLabel={t("lifting")}
                  variant="secondary"
                />
              </li>
            ))}
            {active.length ? null : <li className="px-4 py-2 text-muted">{t("none")}</li>}
          </ul>
        </section>
        {lifted.length ? (
          <section aria-labelledby="lifted" className="flex flex-col gap-2">
            <h2 id="lifted" className="font-semibold">
              {t("liftedHeading")}
            </h2>
            <ul className="text-sm">
              {lifted.map((h) => (
                <li key={h.id}>
                  {what(h)} —{" "}
                  {h.liftedAt
                    ? t("liftedBy", {
                        placedBy: h.placedBy,
                        liftedBy: h.liftedBy ?? "",
                        on: formatDateTime(h.liftedAt),
                      })
                    : t("ended", { placedBy: h.placedBy, lastDay: lastDay(h) })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </RouteMessages>
  );
}
