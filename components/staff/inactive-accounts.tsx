import { ROLE_LABEL } from "@/components/staff/roles";
import { LocalTime } from "@/components/ui/local-time";
import type { InactivityOverview, InactivityRow } from "@/lib/staff/inactivity";
import { WARNING_DAYS } from "@/lib/staff/inactivity-rules";

function Accounts({ title, rows, when }: { title: string; rows: InactivityRow[]; when: string }) {
  return (
    <div role="region" aria-label={title} className="flex flex-col gap-1 text-sm">
      <h3 className="font-medium">{title}</h3>
      {rows.length ? (
        <ul className="flex flex-col divide-y divide-border">
          {rows.map((r) => (
            <li key={r.id} className="py-1">
              <span className="font-medium">{r.name}</span> ({r.email}) · {ROLE_LABEL[r.role]} · {when}{" "}
              <LocalTime at={r.at} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">None.</p>
      )}
    </div>
  );
}

/** Accounts the daily job deactivated for inactivity, and those it will within WARNING_DAYS. */
export function InactiveAccounts({ overview }: { overview: InactivityOverview }) {
  return (
    <section
      aria-labelledby="inactive-heading"
      className="flex flex-col gap-4 rounded-card border border-border bg-surface p-5"
    >
      <div>
        <h2 id="inactive-heading" className="text-base font-semibold">
          Inactive accounts
        </h2>
        <p className="text-sm text-muted">
          Accounts nobody signed in to for {overview.days} days are deactivated each night (Settings). A
          sign-in, a new invitation or a reactivation restarts the count.
        </p>
      </div>
      <Accounts
        title={`Due for deactivation within ${WARNING_DAYS} days`}
        rows={overview.dueSoon}
        when="deactivated from"
      />
      <Accounts title="Deactivated for inactivity" rows={overview.deactivated} when="on" />
    </section>
  );
}
