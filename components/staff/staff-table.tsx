import { AccessExpiryForm } from "@/components/staff/access-expiry-form";
import { AccessSummary } from "@/components/staff/access-summary";
import { LinkAction } from "@/components/staff/link-action";
import { RoleForm } from "@/components/staff/role-form";
import { ROLE_LABEL } from "@/components/staff/roles";
import { ActionButton } from "@/components/ui/action-button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { formatDateTime } from "@/lib/format";
import {
  changeStaffRole,
  deactivateStaff,
  reactivateStaff,
  reissueStaffInvitation,
  resetStaffTwoFactor,
} from "@/lib/staff/actions";
import { changeAuditorExpiry } from "@/lib/staff/auditor-actions";
import type { StaffRow } from "@/lib/staff/queries";

function status(row: StaffRow): string {
  if (!row.active) return "Deactivated";
  if (row.invited) return "Invited";
  if (row.lockedUntil) return `Locked until ${formatDateTime(row.lockedUntil)}`;
  return "Active";
}

export function StaffTable({ rows, currentUserId }: { rows: StaffRow[]; currentUserId: string }) {
  return (
    <div className="overflow-x-auto rounded-card border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Staff accounts</caption>
        <thead className="border-b border-border text-xs text-muted uppercase">
          <tr>
            <th className="px-4 py-3">Person</th>
            <th className="px-4 py-3">Role</th>
            <th className="px-4 py-3">Status</th>
            <th className="px-4 py-3">Two-factor</th>
            <th className="px-4 py-3">Last login</th>
            <th className="px-4 py-3">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const self = row.id === currentUserId;
            return (
              <tr key={row.id} className="border-b border-border align-top last:border-0">
                <td className="px-4 py-3">
                  <div className="font-medium">
                    {row.name}
                    {self ? " (you)" : ""}
                  </div>
                  <div className="text-muted">{row.email}</div>
                </td>
                <td className="px-4 py-3">
                  {self ? (
                    row.role
                  ) : row.role === "AUDITOR" ? (
                    ROLE_LABEL.AUDITOR
                  ) : (
                    <RoleForm
                      action={changeStaffRole.bind(null, row.id)}
                      userId={row.id}
                      name={row.name}
                      role={row.role}
                    />
                  )}
                </td>
                <td className="px-4 py-3">
                  {status(row)}
                  <AccessSummary row={row} />
                </td>
                <td className="px-4 py-3">{row.twoFactor ? "On" : "Off"}</td>
                <td className="px-4 py-3">{row.lastLoginAt ? formatDateTime(row.lastLoginAt) : "Never"}</td>
                <td className="px-4 py-3">{self ? null : <RowActions row={row} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RowActions({ row }: { row: StaffRow }) {
  return (
    <div className="flex flex-col gap-2">
      {row.accessExpiresAt ? (
        <AccessExpiryForm
          action={changeAuditorExpiry.bind(null, row.id)}
          userId={row.id}
          name={row.name}
          expires={row.accessExpiresAt.toISOString().slice(0, 10)}
        />
      ) : null}
      {row.active ? (
        <ConfirmAction
          action={deactivateStaff.bind(null, row.id)}
          label="Deactivate"
          title={`Deactivate ${row.name}?`}
          description="They are signed out at once and cannot sign in until an administrator reactivates the account."
          confirmLabel="Deactivate"
          pendingLabel="Deactivating…"
        />
      ) : (
        <ActionButton
          action={reactivateStaff.bind(null, row.id)}
          label="Reactivate"
          pendingLabel="Reactivating…"
          variant="secondary"
        />
      )}
      {row.twoFactor ? (
        <ConfirmAction
          action={resetStaffTwoFactor.bind(null, row.id)}
          label="Reset two-factor"
          title={`Reset two-factor sign-in for ${row.name}?`}
          description="Their authenticator and recovery codes stop working and they are signed out. Unless Settings make it optional for their role, they must set it up again at their next sign-in."
          confirmLabel="Reset"
          pendingLabel="Resetting…"
        />
      ) : null}
      {row.invited && row.active ? (
        <LinkAction
          action={reissueStaffInvitation.bind(null, row.id)}
          label="New invitation link"
          pendingLabel="Creating…"
        />
      ) : null}
    </div>
  );
}
