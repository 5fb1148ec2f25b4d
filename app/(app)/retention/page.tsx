import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { RETENTION_CLASSES } from "@/lib/retention/classes";
import type { RetentionPeriod } from "@/lib/retention/periods";
import { PREVIEW_DAYS, purgePreview, unfinishedPurges } from "@/lib/retention/queries";

export async function generateMetadata() {
  const t = await getTranslations("retention.preview");
  return { title: t("title") };
}

const date = (d: Date) => d.toISOString().slice(0, 10);

export default async function RetentionPage() {
  const user = await requirePermission("retention:manage");
  const [preview, unfinished] = await Promise.all([purgePreview(), unfinishedPurges()]);
  const t = await getTranslations("retention");
  const period = (p: RetentionPeriod) => t(`period.${p.unit}`, { amount: p.amount });
  // Admins manage holds but read no cases: rows link to a case only for those who may open it.
  const opensCases = can(user.role, "verification:read-all");
  const total = RETENTION_CLASSES.reduce((n, c) => n + preview.counts[c], 0);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">{t("preview.title")}</h1>
        <p className="text-sm text-muted">
          {t("preview.intro", { days: PREVIEW_DAYS, version: preview.policy.version })}{" "}
          <Link href="/retention/holds" className="underline">
            {t("preview.holdsLink")}
          </Link>
        </p>
      </div>
      {unfinished.exceptions.length ? (
        <section aria-labelledby="exceptions" className="flex flex-col gap-2">
          <h2 id="exceptions" className="font-semibold text-danger">
            {t("preview.exceptions", { count: unfinished.exceptions.length })}
          </h2>
          <ul className="divide-y divide-border rounded-card border border-border bg-surface text-sm">
            {unfinished.exceptions.map((p) => (
              <li key={p.verificationId} className="px-4 py-2">
                <span className="font-mono">{p.verificationId.slice(0, 8)}</span>: {p.markidError} —{" "}
                {t("preview.exception", {
                  attempts: p.markidAttempts,
                  next: p.markidRetryAt ? formatDateTime(p.markidRetryAt) : t("preview.nextRun"),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="due" className="flex flex-col gap-2">
        <h2 id="due" className="font-semibold">
          {preview.held
            ? t("preview.dueHeld", { date: date(preview.until), total, held: preview.held })
            : t("preview.due", { date: date(preview.until), total })}
        </h2>
        <table className="w-full max-w-2xl text-left text-sm">
          <thead className="text-xs text-muted">
            <tr>
              <th className="py-1">{t("preview.outcome")}</th>
              <th>{t("preview.keptFor")}</th>
              <th>{t("preview.dueCount")}</th>
            </tr>
          </thead>
          <tbody>
            {RETENTION_CLASSES.map((c) => (
              <tr key={c}>
                <td className="py-1">{t(`class.${c}`)}</td>
                <td>{period(preview.policy.periods[c])}</td>
                <td>{preview.counts[c]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {preview.rows.length ? (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-muted">
              <tr>
                <th className="py-1">{t("preview.verification")}</th>
                <th>{t("preview.why")}</th>
                <th>{t("preview.purgedOn")}</th>
                <th>{t("preview.hold")}</th>
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
                    {t("preview.reason", {
                      class: t(`class.${r.retentionClass}`),
                      date: date(r.keptFrom),
                      period: period(preview.policy.periods[r.retentionClass]),
                      version: preview.policy.version,
                    })}
                  </td>
                  <td>{date(r.dueAt)}</td>
                  <td>
                    {r.held ? (
                      t("preview.onHold")
                    ) : (
                      <Link href={`/retention/holds?verification=${r.id}`} className="underline">
                        {t("preview.placeHold")}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-muted">{t("preview.nothingDue", { days: PREVIEW_DAYS })}</p>
        )}
      </section>
      {unfinished.waiting.length ? (
        <section aria-labelledby="waiting" className="flex flex-col gap-1 text-sm">
          <h2 id="waiting" className="font-semibold">
            {t("preview.waiting", { count: unfinished.waiting.length })}
          </h2>
          <p className="text-muted">{t("preview.waitingText")}</p>
        </section>
      ) : null}
    </div>
  );
}
