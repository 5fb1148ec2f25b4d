import type { Metadata } from "next";
import { RetentionPolicyForm } from "@/components/retention/policy-form";
import { requirePermission } from "@/lib/auth/dal";
import { LocalTime } from "@/components/ui/local-time";
import { formatDateTime } from "@/lib/format";
import { saveRetentionPolicy } from "@/lib/retention/policy-actions";
import { retentionPolicyView } from "@/lib/retention/queries";

export const metadata: Metadata = { title: "Retention policy" };

export default async function RetentionPolicyPage() {
  await requirePermission("settings:manage");
  const { policy, versions } = await retentionPolicyView();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Retention policy</h1>
        <p className="text-sm text-muted">
          When a verification&apos;s keeping ends, the daily purge deletes its files, asks MarkID to delete
          its copy, and replaces the client&apos;s personal data by a tombstone with a deletion receipt. Cases
          on legal hold are kept. In force: version {policy.version}
          {policy.since ? `, since ${formatDateTime(policy.since)}` : " (the defaults)"}.
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
            Versions
          </h2>
          <ul className="text-sm">
            {versions.map((v) => (
              <li key={v.version}>
                Version {v.version}, saved <LocalTime at={v.createdAt} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
