import { useTranslations } from "next-intl";
import { AccessExpiryForm } from "@/components/staff/access-expiry-form";
import { AccessSummary } from "@/components/staff/access-summary";
import { LinkAction } from "@/components/staff/link-action";
import { RoleForm } from "@/components/staff/role-form";
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

type Translate = ReturnType<typeof useTranslations<"staff.table">>;

function status(t: Translate, row: StaffRow): string {
  if (!row.active) return t("deactivated");
  if (row.invited) return t("invited");
  if (row.lockedUntil) return t("lockedUntil", { time: formatDateTime(row.lockedUntil) });
  return t("active");
}

export function StaffTable({ rows, currentUserId }: { rows: StaffRow[]; currentUserId: string }) {
  const t = useTranslations("staff.table");
  const roleName = useTranslations("roles");
  return (
    <div className="overflow-x-auto rounded-card border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-border text-xs text-muted uppercase">
          <tr>
            <th className="px-4 py-3">{t("person")}</th>
            <th className="px-4 py-3">{t("role")}</th>
            <th className="px-4 py-3">{t("status")}</th>
            <th className="px-4 py-3">{t("twoFactor")}</th>
            <th className="px-4 py-3">{t("lastLogin")}</th>
            <th className="px-4 py-3">{t("actions")}</th>
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
                    {self ? ` ${t("you")}` : ""}
                  </div>
                  <div className="text-muted">{row.email}</div>
                </td>
                <td className="px-4 py-3">
                  {self ? (
                    row.role
                  ) : row.role === "AUDITOR" ? (
                    roleName("AUDITOR")
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
                  {status(t, row)}
                  <AccessSummary row={row} />
                </td>
                <td className="px-4 py-3">{row.twoFactor ? t("on") : t("off")}</td>
                <td className="px-4 py-3">
                  {row.lastLoginAt ? formatDateTime(row.lastLoginAt) : t("never")}
                </td>
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
  const t = useTranslations("staff.table");
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
          label={t("deactivate")}
          title={t("deactivateTitle", { name: row.name })}
          description={t("deactivateDescription")}
          confirmLabel={t("deactivate")}
          pendingLabel={t("deactivating")}
        />
      ) : (
        <ActionButton
          action={reactivateStaff.bind(null, row.id)}
          label={t("reactivate")}
          pendingLabel={t("reactivating")}
          variant="secondary"
        />
      )}
      {row.twoFactor ? (
        <ConfirmAction
          action={resetStaffTwoFactor.bind(null, row.id)}
          label={t("resetTwoFactor")}
          title={t("resetTitle", { name: row.name })}
          description={t("resetDescription")}
          confirmLabel={t("reset")}
          pendingLabel={t("resetting")}
        />
      ) : null}
      {row.invited && row.active ? (
        <LinkAction
          action={reissueStaffInvitation.bind(null, row.id)}
          label={t("newLink")}
          pendingLabel={t("creating")}
        />
      ) : null}
    </div>
  );
}
