import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { requirePermission } from "@/lib/auth/dal";
import { LocalTime } from "@/components/ui/local-time";
import { acknowledgeQaDisagreement } from "@/lib/qa/actions";
import { qaNotices, qaQueue } from "@/lib/qa/queries";
import { qaReasonMessage } from "@/lib/qa/reasons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("qa.page"))("title") };
}

export default async function QaPage() {
  const user = await requirePermission("qa:review");
  const [queue, notices] = await Promise.all([qaQueue(user.id), qaNotices()]);
  const t = await getTranslations("qa.page");
  const named = await getTranslations();
  const decisions = await getTranslations("decisions");
  const qa = await getTranslations("qa");
  const reasonText = (reason: string) => {
    const key = qaReasonMessage(reason);
    return key ? named(key) : reason;
  };
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">{t("heading")}</h1>
        <p className="text-sm text-muted">{t("intro")}</p>
      </div>
      {notices.length ? (
        <section aria-labelledby="notices" className="flex flex-col gap-2">
          <h2 id="notices" className="font-semibold text-warning">
            {t("notices")}
          </h2>
          <ul className="divide-y divide-border rounded-card border border-border bg-surface">
            {notices.map((n) => (
              <li key={n.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-2 text-sm">
                <span>
                  <Link href={`/verifications/${n.verificationId}`} className="underline">
                    {t("approvalBy", { name: n.decidedBy })}
                  </Link>{" "}
                  —{" "}
                  {n.reason
                    ? t("disagreedBecause", { reviewer: n.reviewer ?? "", reason: reasonText(n.reason) })
                    : t("disagreed", { reviewer: n.reviewer ?? "" })}
                  {n.reopened ? ` ${t("reopened")}` : ""}
                  {n.comment ? <span className="block text-xs">{n.comment}</span> : null}
                </span>
                <ActionButton
                  action={acknowledgeQaDisagreement.bind(null, n.id)}
                  label={t("markSeen")}
                  pendingLabel={t("saving")}
                  variant="secondary"
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="queue" className="flex flex-col gap-2">
        <h2 id="queue" className="font-semibold">
          {t("waiting", { count: queue.length })}
        </h2>
        {queue.length ? (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-muted">
              <tr>
                <th className="py-1">{t("case")}</th>
                <th>{t("decidedBy")}</th>
                <th>{t("whyDrawn")}</th>
                <th>{t("assignedTo")}</th>
                <th>{t("drawn")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {queue.map((q) => (
                <tr key={q.id}>
                  <td className="py-1">
                    {q.own ? (
                      <span className="text-muted">
                        {t("own", { outcome: decisions(`outcome.${q.outcome}`) })}
                      </span>
                    ) : (
                      <Link href={`/verifications/${q.verificationId}?qa=1#qa`} className="underline">
                        {t("review", { outcome: qa(`outcome.${q.outcome}`) })}
                      </Link>
                    )}
                  </td>
                  <td>{q.decidedBy}</td>
                  <td>{t(`why.${q.reason}`)}</td>
                  <td>{q.mine ? t("you") : (q.assignee ?? t("anyone"))}</td>
                  <td>
                    <LocalTime at={q.sampledAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-muted">{t("nothing")}</p>
        )}
      </section>
    </div>
  );
}
