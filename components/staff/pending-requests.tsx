"use client";

import { useActionState } from "react";
import { AccessSummary } from "@/components/staff/access-summary";
import { InviteLink } from "@/components/staff/invite-link";
import { ROLE_LABEL } from "@/components/staff/roles";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { LocalTime } from "@/components/ui/local-time";
import type { FormAction } from "@/lib/actions/validated-action";
import type { Role } from "@/lib/generated/prisma/enums";
import type { StaffRequestRow } from "@/lib/staff/queries";

type Props = {
  rows: StaffRequestRow[];
  currentUserId: string;
  approve: FormAction;
  refuse: FormAction;
  /** The reader's zone (lib/time-zone.ts), which a client component cannot look up itself. */
  timeZone: string;
};

const label = (role: Role | null) => (role ? ROLE_LABEL[role] : "");

function what(row: StaffRequestRow): string {
  if (row.kind === "INVITATION") return `Invite ${row.name} (${row.email}) as ${label(row.role)}`;
  return `Make ${row.name} (${row.email}) ${label(row.role)}, now ${label(row.currentRole)}`;
}

/**
 * Invitations and role changes that grant decisions, exports or staff management wait here for a second
 * admin. One form state for the whole list: an approved row disappears, its outcome (and, without a mail
 * server, the link to pass on) stays.
 */
export function PendingRequests({ rows, currentUserId, approve, refuse, timeZone }: Props) {
  const [approved, approveAction, approving] = useActionState(approve, {});
  const [refused, refuseAction, refusing] = useActionState(refuse, {});
  const link = approved.ok ? approved.data?.inviteUrl : undefined;
  return (
    <section aria-labelledby="approvals-heading" className="rounded-card border border-border bg-surface p-5">
      <h2 id="approvals-heading" className="mb-1 text-base font-semibold">
        Waiting for approval
      </h2>
      <p className="mb-4 text-sm text-muted">
        Invitations and role changes that let someone decide, export or manage staff take effect only once an
        administrator other than the one who asked approves them.
      </p>
      <FormMessage state={approved} />
      {typeof link === "string" ? <InviteLink url={link} /> : null}
      <FormMessage state={refused} />
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
                  <AccessSummary row={row} />
                  <div className="text-muted">
                    Asked by {mine ? "you" : row.requestedByName},{" "}
                    <LocalTime at={row.createdAt} timeZone={timeZone} />
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
                    <form action={approveAction}>
                      <input type="hidden" name="requestId" value={row.id} />
                      <Button type="submit" disabled={approving} className="px-3 py-1.5">
                        {approving ? "Approving…" : "Approve"}
                      </Button>
                    </form>
                  )}
                  <form action={refuseAction}>
                    <input type="hidden" name="requestId" value={row.id} />
                    <Button type="submit" variant="secondary" disabled={refusing} className="px-3 py-1.5">
                      {mine ? "Withdraw" : "Refuse"}
                    </Button>
                  </form>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
