import { LinkAction } from "@/components/staff/link-action";
import { ROLE_OPTIONS } from "@/components/staff/roles";
import { ActionButton } from "@/components/ui/action-button";
import { formatDateTime } from "@/components/ui/format";
import { approveStaffRequest, refuseStaffRequest } from "@/lib/staff/actions";
import type { StaffRequestRow } from "@/lib/staff/queries";

const label = (role: string) => ROLE_OPTIONS.find((o) => o.value === role)?.label ?? role;

function what(row: StaffRequestRow): string {
  if (row.kind === "INVITATION") return `Invite ${row.name} (${row.email}) as ${label(row.role)}`;
  return `Make ${row.name} (${row.email}) ${label(row.role)}, now ${label(row.currentRole ?? "")}`;
}

/** Invitations and role changes that grant decisions, exports or staff management wait here for a second admin. */
export function PendingRequests({ rows, currentUserId }: { rows: StaffRequestRow[]; currentUserId: string }) {
  return (
    <section aria-labelledby="approvals-heading" className="rounded-card border border-border bg-surface p-5">
      <h2 id="approvals-heading" className="mb-1 text-base font-semibold">
        Waiting for approval
      </h2>
      <p className="mb-4 text-sm text-muted">
        Invitations and role changes that let someone decide, export or manage staff take effect only once an
        administrator other than the one who asked approves them.
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">Nothing is waiting.</p>
      ) : (
        <ul aria-label="Requests waiting for approval" className="flex flex-col divide-y divide-border">
          {rows.map((row) => {
            const mine = row.requestedById === currentUserId;
            return (
              <li key={row.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm">
                <div>
                  <div className="font-medium">{what(row)}</div>
                  <div className="text-muted">
                    Asked by {mine ? "you" : row.requestedByName}, {formatDateTime(row.createdAt)}
                  </div>
                  {mine ? (
                    <div className="text-muted">
                      {row.approverExists
                        ? "Another administrator must approve it."
                        : "No other active administrator can approve it: create one with npm run user:create."}
                    </div>
                  ) : null}
                </div>
                <div className="flex gap-2">
                  {mine ? null : (
                    <LinkAction
                      action={approveStaffRequest.bind(null, row.id)}
                      label="Approve"
                      pendingLabel="Approving…"
                      variant="primary"
                    />
                  )}
                  <ActionButton
                    action={refuseStaffRequest.bind(null, row.id)}
                    label={mine ? "Withdraw" : "Refuse"}
                    pendingLabel={mine ? "Withdrawing…" : "Refusing…"}
                    variant="secondary"
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
