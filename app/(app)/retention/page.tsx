import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { RETENTION_CLASS_LABEL, RETENTION_CLASSES } from "@/lib/retention/classes";
import { describePeriod } from "@/lib/retention/periods";
import { PREVIEW_DAYS, purgePreview, unfinishedPurges } from "@/lib/retention/queries";

export const metadata: Metadata = { title: "Retention" };

const date = (d: Date) => d.toISOString().slice(0, 10);

export default async function RetentionPage() {
  const user = await requirePermission("retention:manage");
  const [preview, unfinished] = await Promise.all([purgePreview(), unfinishedPurges()]);
  // Admins manage holds but read no cases: rows link to a case only for those who may open it.
  const opensCases = can(user.role, "verification:read-all");
  const total = RETENTION_CLASSES.reduce((n, c) => n + preview.counts[c], 0);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Retention</h1>
        <p className="text-sm text-muted">
          What the daily purge will delete in the next {PREVIEW_DAYS} days under policy version{" "}
          {preview.policy.version}, and purges still waiting for MarkID. Place a legal hold to keep a case.{" "}
          <Link href="/retention/holds" className="underline">
            Legal holds
          </Link>
        </p>
      </div>
      {unfinished.exceptions.length ? (
        <section aria-labelledby="exceptions" className="flex flex-col gap-2">
          <h2 id="exceptions" className="font-semibold text-danger">
            Exceptions: MarkID has not deleted its copy ({unfinished.exceptions.length})
          </h2>
          <ul className="divide-y divide-border rounded-card border border-border bg-surface text-sm">
            {unfinished.exceptions.map((p) => (
              <li key={p.verificationId} className="px-4 py-2">
                <span className="font-mono">{p.verificationId.slice(0, 8)}</span>: {p.markidError} —{" "}
                {p.markidAttempts} attempt(s), next{" "}
                {p.markidRetryAt ? formatDateTime(p.markidRetryAt) : "on the next run"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="due" className="flex flex-col gap-2">
        <h2 id="due" className="font-semibold">
          To be purged by {date(preview.until)}: {total}
          {preview.held ? ` (and ${preview.held} kept on hold)` : ""}
        </h2>
        <table className="w-full max-w-2xl text-left text-sm">
          <thead className="text-xs text-muted">
            <tr>
              <th className="py-1">Outcome</th>
              <th>Kept for</th>
              <th>Due</th>
            </tr>
          </thead>
          <tbody>
            {RETENTION_CLASSES.map((c) => (
              <tr key={c}>
                <td className="py-1">{RETENTION_CLASS_LABEL[c]}</td>
                <td>{describePeriod(preview.policy.periods[c])}</td>
                <td>{preview.counts[c]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {preview.rows.length ? (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-muted">
              <tr>
                <th className="py-1">Verification</th>
                <th>Why</th>
                <th>Purged on</th>
                <th>Hold</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.id} className="border-t border-border">
                  <td className="py-1">
                    {opensCases ? (
                      <Link href={`/verifications/${r.id}`} className="underline">
                        {r.clientId}
                      </Link>
                    ) : (
                      <span className="font-mono">{r.id.slice(0, 8)}</span>
                    )}
                  </td>
                  <td>
                    {RETENTION_CLASS_LABEL[r.retentionClass]} since {date(r.keptFrom)}: kept{" "}
                    {describePeriod(preview.policy.periods[r.retentionClass])} (policy v
                    {preview.policy.version})
                  </td>
                  <td>{date(r.dueAt)}</td>
                  <td>
                    {r.held ? (
                      "On hold"
                    ) : (
                      <Link href={`/retention/holds?verification=${r.id}`} className="underline">
                        Place hold
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-muted">Nothing is due in the next {PREVIEW_DAYS} days.</p>
        )}
      </section>
      {unfinished.waiting.length ? (
        <section aria-labelledby="waiting" className="flex flex-col gap-1 text-sm">
          <h2 id="waiting" className="font-semibold">
            Purges under way ({unfinished.waiting.length})
          </h2>
          <p className="text-muted">
            Files deleted; MarkID keeps its copy while the client&apos;s link is valid, and is asked again
            daily.
          </p>
        </section>
      ) : null}
    </div>
  );
}
