import type { Metadata } from "next";
import Link from "next/link";
import { HoldForm } from "@/components/retention/hold-form";
import { ActionButton } from "@/components/ui/action-button";
import { requirePermission } from "@/lib/auth/dal";
import { can } from "@/lib/auth/permissions";
import { LocalTime } from "@/components/ui/local-time";
import { formatDateTime } from "@/lib/format";
import { liftLegalHold, placeCaseHold, placeClientHold } from "@/lib/retention/hold-actions";
import { legalHolds, type HoldRow } from "@/lib/retention/queries";

export const metadata: Metadata = { title: "Legal holds" };

type Search = Promise<{ verification?: string }>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const lastDay = (h: HoldRow) =>
  h.endsAt ? new Date(h.endsAt.getTime() - 86_400_000).toISOString().slice(0, 10) : "no end date";

export default async function LegalHoldsPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("retention:manage");
  const [{ active, lifted }, query] = await Promise.all([legalHolds(), searchParams]);
  const caseId = query.verification && UUID.test(query.verification) ? query.verification : null;
  const opensCases = can(user.role, "verification:read-all");
  const what = (h: HoldRow) =>
    h.verificationId ? (
      opensCases ? (
        <Link href={`/verifications/${h.verificationId}`} className="underline">
          Verification {h.verificationId.slice(0, 8)}
        </Link>
      ) : (
        `Verification ${h.verificationId.slice(0, 8)}`
      )
    ) : (
      `Every verification of client ${h.clientId}`
    );
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold">Legal holds</h1>
      <div className="grid gap-6 md:grid-cols-2">
        {caseId ? (
          <section aria-labelledby="hold-case" className="flex flex-col gap-2">
            <h2 id="hold-case" className="font-semibold">
              Hold verification {caseId.slice(0, 8)}
            </h2>
            <HoldForm action={placeCaseHold.bind(null, caseId)} idPrefix="case" />
          </section>
        ) : null}
        <section aria-labelledby="hold-client" className="flex flex-col gap-2">
          <h2 id="hold-client" className="font-semibold">
            Hold every verification of a client
          </h2>
          <HoldForm action={placeClientHold} byClient idPrefix="client" />
        </section>
      </div>
      <section aria-labelledby="active" className="flex flex-col gap-2">
        <h2 id="active" className="font-semibold">
          In place ({active.length})
        </h2>
        <ul className="divide-y divide-border rounded-card border border-border bg-surface text-sm">
          {active.map((h) => (
            <li key={h.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-2">
              <span>
                {what(h)} — {h.reason}
                <span className="block text-xs text-muted">
                  Placed by {h.placedBy} on <LocalTime at={h.placedAt} />; last day: {lastDay(h)}
                </span>
              </span>
              <ActionButton
                action={liftLegalHold.bind(null, h.id)}
                label="Lift hold"
                pendingLabel="Lifting…"
                variant="secondary"
              />
            </li>
          ))}
          {active.length ? null : <li className="px-4 py-2 text-muted">No legal holds in place.</li>}
        </ul>
      </section>
      {lifted.length ? (
        <section aria-labelledby="lifted" className="flex flex-col gap-2">
          <h2 id="lifted" className="font-semibold">
            Lifted or ended
          </h2>
          <ul className="text-sm">
            {lifted.map((h) => (
              <li key={h.id}>
                {what(h)} — placed by {h.placedBy}
                {h.liftedAt
                  ? `, lifted by ${h.liftedBy} on ${formatDateTime(h.liftedAt)}`
                  : `, ended ${lastDay(h)}`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
