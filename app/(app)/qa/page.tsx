import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { requirePermission } from "@/lib/auth/dal";
import { OUTCOME_LABEL } from "@/lib/decisions/rules";
import { LocalTime } from "@/components/ui/local-time";
import { acknowledgeQaDisagreement } from "@/lib/qa/actions";
import { qaNotices, qaQueue } from "@/lib/qa/queries";

export const metadata: Metadata = { title: "QA" };

const WHY = { RANDOM: "at random", RISK: "risk signal" } as const;

export default async function QaPage() {
  const user = await requirePermission("qa:review");
  const [queue, notices] = await Promise.all([qaQueue(user.id), qaNotices()]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Quality assurance</h1>
        <p className="text-sm text-muted">
          Final decisions drawn for a second look: a share of each outcome at random, and every case a risk
          signal flagged. Open a case, replay it, and record whether you agree.
        </p>
      </div>
      {notices.length ? (
        <section aria-labelledby="notices" className="flex flex-col gap-2">
          <h2 id="notices" className="font-semibold text-warning">
            QA disagreements with approvals
          </h2>
          <ul className="divide-y divide-border rounded-card border border-border bg-surface">
            {notices.map((n) => (
              <li key={n.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-2 text-sm">
                <span>
                  <Link href={`/verifications/${n.verificationId}`} className="underline">
                    Approval by {n.decidedBy}
                  </Link>{" "}
                  — {n.reviewer} disagreed{n.reason ? `: ${n.reason}` : ""}
                  {n.reopened ? " (case reopened)" : ""}
                  {n.comment ? <span className="block text-xs">{n.comment}</span> : null}
                </span>
                <ActionButton
                  action={acknowledgeQaDisagreement.bind(null, n.id)}
                  label="Mark as seen"
                  pendingLabel="Saving…"
                  variant="secondary"
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="queue" className="flex flex-col gap-2">
        <h2 id="queue" className="font-semibold">
          Waiting for QA review: {queue.length}
        </h2>
        {queue.length ? (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-muted">
              <tr>
                <th className="py-1">Case</th>
                <th>Decided by</th>
                <th>Why drawn</th>
                <th>Assigned to</th>
                <th>Drawn</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {queue.map((q) => (
                <tr key={q.id}>
                  <td className="py-1">
                    {q.own ? (
                      <span className="text-muted">
                        {OUTCOME_LABEL[q.outcome]} (yours: someone else reviews it)
                      </span>
                    ) : (
                      <Link href={`/verifications/${q.verificationId}?qa=1#qa`} className="underline">
                        Review {OUTCOME_LABEL[q.outcome].toLowerCase()}
                      </Link>
                    )}
                  </td>
                  <td>{q.decidedBy}</td>
                  <td>{WHY[q.reason]}</td>
                  <td>{q.mine ? "you" : (q.assignee ?? "anyone")}</td>
                  <td>
                    <LocalTime at={q.sampledAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-muted">Nothing waiting.</p>
        )}
      </section>
    </div>
  );
}
