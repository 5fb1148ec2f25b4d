import { getTranslations } from "next-intl/server";
import { RetentionPolicyForm } from "@/components/retention/policy-form";
import { requirePermission } from "@/lib/auth/dal";
import { LocalTime } from "@/components/ui/local-time";
import { formatDateTime } from "@/lib/format";
import { saveRetentionPolicy } from "@/lib/retention/policy-actions";
import { retentionPolicyView } from "@/lib/retention/queries";
import { RouteMessages } from "@/components/i18n/route-messages";

export async function generateMetadata() {
  const t = await getTranslations("retention.policyPage");
  return { title: t("title") };
}

export default async function RetentionPolicyPage() {
  await requirePermission("settings:manage");
  const { policy, versions } = await retentionPolicyView();
  const t = await getTranslations("retention.policyPage");
  return (
    <RouteMessages route="/admin/retention">
      <div className="flex max-w-3xl flex-col gap-6">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-muted">
            {t("intro")}{" "}
            {policy.since
              ? t("inForceSince", { version: policy.version, since: formatDateTime(policy.since) })
              : t("inForceDefaults", { version: policy.version })}
          </p>
        </div>
        <RetentionPolicyForm
          action={saveRetentionPolicy}
          periods={policy.periods}
          liftNeedsSecondPerson={policy.liftNeedsSecondPerson}
        />
        {versions.length ? (
          <section aria-labelledby="versions" className="flex flex-col gap-2">
            <h2 id="versions" className="font-semibold">
              {t("versions")}
            </h2>
            <ul className="text-sm">
              {versions.map((v) => (
                <li key={v.version}>
                  {t.rich("saved", { version: v.version, time: () => <LocalTime at={v.createdAt} /> })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </RouteMessages>
  );
}
